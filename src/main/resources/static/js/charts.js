// Charts drawn with ECharts from the data a page puts in data-chart attributes (JSON), because the
// Content-Security-Policy allows no inline scripts. Shapes:
//   {kind: 'bar', title, categories: [..], series: [{name, data: [..]}], average?, links?: [url per bar], highlight?: [bool]}
//   {kind: 'line', title, categories: [..], series: [{name, data: [..]}, ..]}
// Animations are off so that what a screenshot shows is the final chart.
(function () {
    'use strict';

    var BRAND = '#b4232a';
    var WARN = '#c7581a';

    function bar(spec) {
        var s = spec.series[0];
        return {
            animation: false,
            title: {text: spec.title, left: 'center', textStyle: {fontSize: 14}},
            tooltip: {trigger: 'axis'},
            grid: {left: 30, right: 60, top: 40, bottom: 20, containLabel: true},
            xAxis: {type: 'category', data: spec.categories, axisLabel: {interval: 0, rotate: spec.categories.length > 6 ? 30 : 0}},
            yAxis: {type: 'value', name: '%'},
            series: [{
                type: 'bar', name: s.name,
                data: s.data.map(function (v, i) {
                    var low = spec.highlight ? spec.highlight[i] : spec.average != null && v != null && v < spec.average;
                    return {value: v, itemStyle: {color: low ? WARN : BRAND}};
                }),
                label: {show: true, position: 'top', formatter: function (p) {
                    return p.value == null ? '' : p.value + '%';
                }},
                markLine: spec.average == null ? undefined : {
                    symbol: 'none', data: [{yAxis: spec.average, name: '平均'}],
                    label: {formatter: '平均 {c}%'}, lineStyle: {color: '#5b6b7d'}
                }
            }]
        };
    }

    // How many lines a plain (wrapping) legend of these names takes in a chart this wide: every name shows whole,
    // none is cut or hidden behind a scroll arrow (issue 14); the plot area moves down to make room.
    function legendRows(names, width) {
        var usable = Math.max(200, width * 0.92), rows = 1, x = 0;
        names.forEach(function (name) {
            var w = 25 + 10 + textWidth(name);
            if (x > 0 && x + w > usable) {
                rows++;
                x = 0;
            }
            x += w + 10;
        });
        return rows;
    }

    function textWidth(s) {
        var w = 0;
        for (var i = 0; i < s.length; i++) {
            w += s.charCodeAt(i) > 0x2E80 ? 12 : 7;
        }
        return w;
    }

    function line(spec, element) {
        var names = spec.series.map(function (s) { return s.name; });
        var rows = legendRows(names, element.clientWidth || 640);
        var legendHeight = rows * 20;
        // the chart grows by what the legend needs beyond one line, so the plot keeps its height
        if (rows > 1 && !element.getAttribute('data-grown')) {
            element.style.height = (element.clientHeight + (rows - 1) * 20) + 'px';
            element.setAttribute('data-grown', 'true');
        }
        return {
            animation: false,
            title: {text: spec.title, left: 'center', textStyle: {fontSize: 14}},
            tooltip: {trigger: 'axis'},
            legend: {type: 'plain', top: 28, left: 'center', width: '92%', itemGap: 10, itemWidth: 25, itemHeight: 10,
                textStyle: {fontSize: 12}},
            grid: {left: 50, right: 20, top: 40 + legendHeight, bottom: 30, containLabel: true},
            xAxis: {type: 'category', data: spec.categories},
            yAxis: {type: 'value'},  // the title says （%）; an axis name would sit in the wrapped legend
            series: spec.series.map(function (s) {
                return {type: 'line', name: s.name, data: s.data, connectNulls: false, symbolSize: 6};
            })
        };
    }

    function draw(element) {
        var spec = JSON.parse(element.getAttribute('data-chart'));
        var option = spec.kind === 'line' ? line(spec, element) : bar(spec);
        var chart = echarts.init(element);
        chart.setOption(option);
        if (spec.links) {
            chart.on('click', function (p) {
                if (spec.links[p.dataIndex]) {
                    window.location.href = spec.links[p.dataIndex];
                }
            });
        }
        element.setAttribute('data-drawn', 'true');
        window.addEventListener('resize', function () {
            chart.resize();
        });
    }

    function drawAll() {
        document.querySelectorAll('[data-chart]').forEach(draw);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', drawAll);
    } else {
        drawAll();
    }
}());
