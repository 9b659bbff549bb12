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
            grid: {left: 50, right: 60, top: 40, bottom: 70},
            xAxis: {type: 'category', data: spec.categories, axisLabel: {rotate: spec.categories.length > 6 ? 30 : 0}},
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

    function line(spec) {
        return {
            animation: false,
            title: {text: spec.title, left: 'center', textStyle: {fontSize: 14}},
            tooltip: {trigger: 'axis'},
            legend: {bottom: 0, type: 'scroll'},
            grid: {left: 50, right: 20, top: 40, bottom: 60},
            xAxis: {type: 'category', data: spec.categories},
            yAxis: {type: 'value', name: '%'},
            series: spec.series.map(function (s) {
                return {type: 'line', name: s.name, data: s.data, connectNulls: false, symbolSize: 6};
            })
        };
    }

    function draw(element) {
        var spec = JSON.parse(element.getAttribute('data-chart'));
        var chart = echarts.init(element);
        chart.setOption(spec.kind === 'line' ? line(spec) : bar(spec));
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
