// The report entry grid (templates/report/entry.html): paste a block copied from Excel into the grid starting at
// the focused cell, and check every cell before anything is sent. A static file because the
// Content-Security-Policy allows no inline scripts. Listeners sit on the document, so they keep working after
// htmx replaces the form with the saved one.
(function () {
    'use strict';

    // The rules of org.anju.platform.Numbers, line for line; both are tested against src/test/resources/numbers/cases.tsv.
    var DASHES = ['-', '\u2014', '\u2013', '--', '\u2014\u2014', '/', '\u3001', '\\'];

    // Spaces out (also full-width and no-break), full-width digits and signs to half-width.
    function halfWidth(text) {
        var out = '';
        for (var i = 0; i < text.length; i++) {
            var code = text.charCodeAt(i);
            var c = text.charAt(i);
            if (/\s/.test(c) || code === 0xFEFF || code === 0x200B) {
                continue;
            }
            if (code >= 0xFF01 && code <= 0xFF5E) {
                c = String.fromCharCode(code - 0xFEE0);
            }
            out += code === 0x2212 ? '-' : c;
        }
        return out;
    }

    // A figure as typed or pasted: {value} (a plain decimal, '' for none) or {error} (in Chinese, shown beside the cell).
    function parseNumber(text) {
        var raw = String(text);
        var t = halfWidth(raw);
        if (t === '' || DASHES.indexOf(t) >= 0) {
            return {value: ''};
        }
        var negative = false;
        if (t.length > 2 && t.charAt(0) === '(' && t.charAt(t.length - 1) === ')') {
            negative = true;
            t = t.substring(1, t.length - 1);
        } else if (t.charAt(0) === '-') {
            negative = true;
            t = t.substring(1);
        } else if (t.charAt(0) === '+') {
            t = t.substring(1);
        }
        if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) {
            t = t.replace(/,/g, '');
        }
        if (!/^(\d+(\.\d*)?|\.\d+)$/.test(t)) {
            return {error: '不是数字：' + raw.trim()};
        }
        if (t.charAt(t.length - 1) === '.') {
            t = t.substring(0, t.length - 1);
        }
        if (t.charAt(0) === '.') {
            t = '0' + t;
        }
        t = t.replace(/^0+(?=\d)/, '');
        if (negative && /[1-9]/.test(t)) {
            return {error: '不能为负数：' + raw.trim()};
        }
        return {value: t};
    }

    // For the test that holds these rules against the server's (browser.ReportFlowBrowserTest).
    window.anjuNumbers = {parse: parseNumber};

    function gridOf(input) {
        return input && input.form && input.form.hasAttribute('data-report-grid') && input.hasAttribute('data-row')
            ? input.closest('table') : null;
    }

    // Checks one cell; with normalize the cell shows the parsed number (1,234.5 → 1234.5).
    function check(input, normalize) {
        var result = parseNumber(input.value);
        if (result.error) {
            input.classList.add('cell-error');
            input.setAttribute('aria-invalid', 'true');
            input.title = input.getAttribute('data-label') + '：' + result.error;
            input.setAttribute('data-problem', result.error);
        } else {
            input.classList.remove('cell-error');
            input.removeAttribute('aria-invalid');
            input.removeAttribute('data-problem');
            input.title = '';
            if (normalize) {
                input.value = result.value;
            }
        }
        return !result.error;
    }

    // The list above the grid: every cell in trouble, named by table, row and column label.
    function showProblems(form, notes) {
        var box = document.getElementById('grid-problems');
        if (!box) {
            return 0;
        }
        var bad = form.querySelectorAll('input.cell-error');
        box.textContent = '';
        var lines = [];
        bad.forEach(function (input) {
            lines.push(input.getAttribute('data-label') + '：' + input.getAttribute('data-problem'));
        });
        (notes || []).forEach(function (n) {
            lines.push(n);
        });
        if (lines.length === 0) {
            box.hidden = true;
            return 0;
        }
        var title = document.createElement('strong');
        title.textContent = bad.length > 0 ? '有 ' + bad.length + ' 个单元格需要修改，修改前不能保存：' : '提示：';
        box.appendChild(title);
        var list = document.createElement('ul');
        lines.forEach(function (line) {
            var li = document.createElement('li');
            li.textContent = line;
            list.appendChild(li);
        });
        box.appendChild(list);
        box.hidden = false;
        return bad.length;
    }

    document.addEventListener('paste', function (event) {
        var start = event.target;
        var table = gridOf(start);
        if (!table || !event.clipboardData) {
            return;
        }
        var text = event.clipboardData.getData('text/plain');
        if (text === null || text === undefined) {
            return;
        }
        event.preventDefault();
        // Excel: rows end with CRLF (the last one too), cells are separated by tabs
        var rows = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n').map(function (r) {
            return r.split('\t');
        });
        var row0 = Number(start.getAttribute('data-row'));
        var col0 = Number(start.getAttribute('data-col'));
        var outside = 0;
        var locked = 0;
        rows.forEach(function (cells, i) {
            cells.forEach(function (cell, j) {
                var target = table.querySelector('input[data-row="' + (row0 + i) + '"][data-col="' + (col0 + j) + '"]');
                if (!target) {
                    if (cell.trim() !== '') {
                        outside++;
                    }
                } else if (target.disabled) {
                    locked++;
                } else {
                    target.value = cell.trim();
                    check(target, true);
                }
            });
        });
        var notes = [];
        if (outside > 0) {
            notes.push('粘贴的内容有 ' + outside + ' 个单元格超出本表范围，未填入');
        }
        if (locked > 0) {
            notes.push(locked + ' 个单元格不可编辑，未填入');
        }
        showProblems(start.form, notes);
    });

    document.addEventListener('input', function (event) {
        if (gridOf(event.target)) {
            check(event.target, false);
            showProblems(event.target.form);
        }
    });

    document.addEventListener('change', function (event) {
        if (gridOf(event.target)) {
            check(event.target, true);
            showProblems(event.target.form);
        }
    });

    // Before the form goes out (htmx listens on the form; this runs first, in the capture phase): every cell
    // checked and normalised; with a problem nothing is sent.
    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!form.hasAttribute || !form.hasAttribute('data-report-grid')) {
            return;
        }
        form.querySelectorAll('input[data-row]').forEach(function (input) {
            if (!input.disabled) {
                check(input, true);
            }
        });
        if (showProblems(form) > 0) {
            event.preventDefault();
            event.stopPropagation();
            form.querySelector('input.cell-error').focus();
        }
    }, true);

    // "采用": the figure the operational records give goes into its cell; the reporter still saves it (nothing is
    // written until then), so adopting is a confirmation by the person who reports.
    document.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('button[data-adopt]') : null;
        if (!button) {
            return;
        }
        var input = document.getElementById(button.getAttribute('data-adopt'));
        if (input && !input.disabled) {
            input.value = button.getAttribute('data-figure');
            input.dispatchEvent(new Event('change', {bubbles: true}));
            input.focus();
        }
    });
}());
