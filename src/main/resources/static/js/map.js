// The dashboard's map (issue 14 part E): a region's child units coloured by a chosen rate, drawn with ECharts from
// GET /api/dashboard/map (units, rates, figures, hasPolygon) and the boundary file /geo/<adcode>.json it names.
// A click on a unit with units below opens its map (province → cities → counties), the breadcrumb leads back up to
// the reader's own region; a unit that reported nothing is 未报 (hatched grey), never 0 %; units the boundary files
// do not draw (开发区, 市本级, 兵团) are listed beside the map. No inline script (CSP); animations off for screenshots.
(function () {
    'use strict';

    // colour classes of a rate, lowest first: [lower bound, colour, legend text]
    var CLASSES = [
        [100, '#1b7837', '≥ 100%'],
        [80, '#7fbf7b', '80% – 100%'],
        [60, '#fee08b', '60% – 80%'],
        [40, '#fc8d59', '40% – 60%'],
        [-Infinity, '#d73027', '< 40%']
    ];
    var UNREPORTED = '#c4c9cf';
    var NO_RATE = '#f3f4f6';
    var OUTSIDE = '#fafafa';
    var HATCH = {color: 'rgba(255,255,255,0.85)', dashArrayX: [1, 0], dashArrayY: [3, 4], rotation: Math.PI / 4};

    function colour(unit) {
        if (unit.unreported) {
            return UNREPORTED;
        }
        if (unit.rate == null) {
            return NO_RATE;
        }
        for (var i = 0; i < CLASSES.length; i++) {
            if (unit.rate >= CLASSES[i][0]) {
                return CLASSES[i][1];
            }
        }
        return NO_RATE;
    }

    function el(tag, text, className) {
        var e = document.createElement(tag);
        if (text != null) {
            e.textContent = text;
        }
        if (className) {
            e.className = className;
        }
        return e;
    }

    function tooltip(unit, rate) {
        var lines = ['<strong>' + escape(unit.name) + '</strong>'];
        if (rate) {
            lines.push(escape(rate.label) + '：' + escape(unit.rateText));
        }
        if (!unit.unreported && unit.target != null) {
            lines.push('完成 ' + escape(unit.actualText) + ' / 目标 ' + escape(unit.targetText) + (unit.measure ? ' ' + escape(unit.measure) : ''));
        } else if (unit.target != null) {
            lines.push('目标 ' + escape(unit.targetText) + (unit.measure ? ' ' + escape(unit.measure) : ''));
        }
        lines.push('报送：' + escape(unit.reportingText));
        if (unit.drillable) {
            lines.push('（点击查看下级）');
        }
        return lines.join('<br>');
    }

    function escape(s) {
        return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
            return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
        });
    }

    function Panel(panel) {
        this.panel = panel;
        this.api = panel.getAttribute('data-api');
        this.geoBase = panel.getAttribute('data-geo');
        this.dashboard = panel.getAttribute('data-dashboard');
        this.period = panel.getAttribute('data-period');
        this.rate = panel.getAttribute('data-rate') || '';
        this.canvas = panel.querySelector('#map-canvas');
        this.select = panel.querySelector('#map-rate');
        this.crumbs = panel.querySelector('#map-crumbs');
        this.open = panel.querySelector('#map-open');
        this.legend = panel.querySelector('#map-legend');
        this.unplaced = panel.querySelector('#map-unplaced tbody');
        this.chart = echarts.init(this.canvas);
        this.geo = {};
        this.view = null;
        var self = this;
        this.select.addEventListener('change', function () {
            self.rate = self.select.value;
            self.load(self.view ? self.view.region.code : panel.getAttribute('data-region'));
        });
        this.chart.on('click', function (p) {
            var unit = p.data && p.data.unit;
            if (!unit) {
                return;
            }
            if (unit.drillable) {
                self.load(unit.code);
            } else {
                window.location.href = self.link(unit.code);
            }
        });
        window.addEventListener('resize', function () {
            self.chart.resize();
        });
        this.drawLegend();
        this.load(panel.getAttribute('data-region'));
    }

    Panel.prototype.link = function (region) {
        return this.dashboard + '?region=' + encodeURIComponent(region) + '&period=' + encodeURIComponent(this.period)
            + (this.rate ? '&indicator=' + encodeURIComponent(this.rate) : '');
    };

    Panel.prototype.load = function (region) {
        var self = this;
        var url = this.api + '?region=' + encodeURIComponent(region) + '&period=' + encodeURIComponent(this.period)
            + (this.rate ? '&rate=' + encodeURIComponent(this.rate) : '');
        this.panel.setAttribute('data-state', 'loading');
        fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
            .then(function (r) {
                return r.json().then(function (body) {
                    if (!r.ok) {
                        throw new Error(body.detail || body.title || ('HTTP ' + r.status));
                    }
                    return body;
                });
            })
            .then(function (view) {
                return self.boundaries(view.geo).then(function () {
                    self.render(view);
                });
            })
            .catch(function (e) {
                self.panel.setAttribute('data-state', 'error');
                self.chart.clear();
                self.canvas.setAttribute('data-error', e.message);
                self.crumbs.appendChild(el('span', '（地图未能加载：' + e.message + '）', 'warn'));
            });
    };

    /** Loads and registers the boundary file once; resolves at once when there is none. */
    Panel.prototype.boundaries = function (key) {
        var self = this;
        if (!key || this.geo[key]) {
            return Promise.resolve();
        }
        return fetch(this.geoBase + key + '.json', {credentials: 'same-origin'})
            .then(function (r) {
                if (!r.ok) {
                    throw new Error('边界文件 ' + key + '.json 无法读取（HTTP ' + r.status + '）');
                }
                return r.json();
            })
            .then(function (json) {
                echarts.registerMap('anju-' + key, json);
                self.geo[key] = json;
            });
    };

    Panel.prototype.render = function (view) {
        var self = this;
        this.view = view;
        this.rate = view.rate ? view.rate.code : '';
        this.renderRates(view);
        this.renderCrumbs(view);
        if (view.note) {
            this.crumbs.appendChild(el('span', '（' + view.note + '）', 'muted map-note'));
        }
        this.open.href = this.link(view.region.code);
        this.open.hidden = false;
        var placed = view.units.filter(function (u) {
            return u.hasPolygon;
        });
        if (view.geo) {
            var byAdcode = {};
            placed.forEach(function (u) {
                byAdcode[u.adcode] = u;
            });
            var data = placed.map(function (u) {
                var style = {areaColor: colour(u)};
                if (u.unreported) {
                    style.decal = HATCH;
                }
                return {name: u.adcode, value: u.rate, unit: u, title: u.name, itemStyle: style};
            });
            // features of the file that are no unit of this region (e.g. 台湾省, 香港, 澳门 on the nation's map)
            this.geo[view.geo].features.forEach(function (f) {
                var code = f.properties.adcode;
                if (!byAdcode[code]) {
                    data.push({name: code, value: null, unit: null, title: f.properties.name,
                        itemStyle: {areaColor: OUTSIDE}});
                }
            });
            this.chart.clear();
            this.canvas.removeAttribute('data-empty');
            this.chart.setOption({
                animation: false,
                title: {text: view.region.name + ' ' + view.periodText + (view.rate ? ' ' + view.rate.label : ''),
                    left: 'center', textStyle: {fontSize: 14}},
                tooltip: {trigger: 'item', formatter: function (p) {
                    if (!p.data) {
                        return '';
                    }
                    return p.data.unit ? tooltip(p.data.unit, view.rate) : escape(p.data.title) + '<br>不是本地区的填报单位';
                }},
                series: [{
                    type: 'map', map: 'anju-' + view.geo, nameProperty: 'adcode', roam: false, selectedMode: false,
                    top: 40, bottom: 10, left: 10, right: 10,
                    itemStyle: {borderColor: '#6b7785', borderWidth: 0.6},
                    label: {show: placed.length <= 40, fontSize: 11, color: '#1f2d3d', formatter: function (p) {
                        return p.data ? p.data.title : '';
                    }},
                    emphasis: {itemStyle: {areaColor: '#5b8def'}, label: {show: true, formatter: function (p) {
                        return p.data ? p.data.title : '';
                    }}},
                    data: data
                }]
            }, true);
        } else {
            // a city without counties (嘉峪关市) or a unit below the prefectures: nothing to draw, every unit is listed
            this.chart.clear();
            this.chart.setOption({
                title: {text: view.region.name + ' ' + view.periodText, subtext: '没有下级单位的边界图，各单位见右侧列表',
                    left: 'center', top: 'middle', textStyle: {fontSize: 14}}
            }, true);
            this.canvas.setAttribute('data-empty', 'true');
        }
        this.renderUnplaced(view.units.filter(function (u) {
            return !u.hasPolygon;
        }));
        this.panel.setAttribute('data-state', 'ready');
        this.panel.setAttribute('data-map-region', view.region.code);
    };

    Panel.prototype.renderRates = function (view) {
        var select = this.select;
        select.textContent = '';
        view.rates.forEach(function (r) {
            var o = el('option', r.label);
            o.value = r.code;
            o.selected = view.rate && r.code === view.rate.code;
            select.appendChild(o);
        });
        select.disabled = view.rates.length === 0;
    };

    Panel.prototype.renderCrumbs = function (view) {
        var self = this;
        this.crumbs.textContent = '';
        view.path.forEach(function (p) {
            var a = el('a', p.name);
            a.href = self.link(p.code);
            a.setAttribute('data-region', p.code);
            a.addEventListener('click', function (e) {
                e.preventDefault();
                self.load(p.code);
            });
            self.crumbs.appendChild(a);
            self.crumbs.appendChild(el('span', '›', 'sep'));
        });
        var here = el('strong', view.region.name);
        here.setAttribute('data-region', view.region.code);
        this.crumbs.appendChild(here);
    };

    Panel.prototype.renderUnplaced = function (units) {
        var self = this;
        this.unplaced.textContent = '';
        if (units.length === 0) {
            var tr = el('tr');
            var td = el('td', '无', 'muted');
            td.colSpan = 2;
            tr.appendChild(td);
            this.unplaced.appendChild(tr);
        }
        units.forEach(function (u) {
            var tr = el('tr');
            tr.setAttribute('data-region', u.code);
            var name = el('td');
            var a = el('a', u.name);
            a.href = self.link(u.code);
            name.appendChild(a);
            name.appendChild(el('span', ' ' + u.kind, 'muted'));
            tr.appendChild(name);
            var rate = el('td', u.rateText, u.unreported ? 'num unreported' : 'num');
            rate.title = '报送：' + u.reportingText;
            tr.appendChild(rate);
            self.unplaced.appendChild(tr);
        });
    };

    Panel.prototype.drawLegend = function () {
        var legend = this.legend;
        function item(text, colour, className) {
            var row = el('div');
            var sw = el('span', null, 'swatch' + (className ? ' ' + className : ''));
            if (colour) {
                sw.style.backgroundColor = colour;
            }
            row.appendChild(sw);
            row.appendChild(el('span', text));
            legend.appendChild(row);
        }
        CLASSES.forEach(function (c) {
            item(c[2], c[1]);
        });
        item('未报', null, 'unreported');
        item('无目标（—）', NO_RATE);
    };

    function start() {
        var panel = document.getElementById('map-panel');
        if (panel && typeof echarts !== 'undefined') {
            panel.anjuMap = new Panel(panel);
        }
    }

    // deferred scripts run in document order before DOMContentLoaded; ECharts' tag may come after this one
    if (document.readyState === 'complete') {
        start();
    } else {
        document.addEventListener('DOMContentLoaded', start);
    }
}());
