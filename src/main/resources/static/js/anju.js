// Anju's only script besides htmx (the Content-Security-Policy allows no inline scripts).
// htmx requests carry the CSRF token as a header, read from the page's meta tags.
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
    }
});

// A select marked autosubmit sends its form when changed (instead of an inline onchange, which the CSP refuses).
document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('select.autosubmit') && event.target.form) {
        event.target.form.submit();
    }
});

// 打印 buttons print the page (the print stylesheet in anju.css leaves out the menu, forms and buttons).
document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button.print-page') : null;
    if (button) {
        window.print();
    }
});

// The grouped menu: one group open at a time; a click elsewhere or Escape closes it (details/summary does the rest).
document.addEventListener('toggle', function (event) {
    var opened = event.target;
    if (opened.matches && opened.matches('details.menu-group') && opened.open) {
        document.querySelectorAll('details.menu-group[open]').forEach(function (d) {
            if (d !== opened) {
                d.open = false;
            }
        });
    }
}, true);
document.addEventListener('click', function (event) {
    if (!event.target.closest || !event.target.closest('details.menu-group')) {
        document.querySelectorAll('details.menu-group[open]').forEach(function (d) {
            d.open = false;
        });
    }
});
document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
        document.querySelectorAll('details.menu-group[open]').forEach(function (d) {
            d.open = false;
            d.querySelector('summary').focus();
        });
    }
});

// A form is sent once per click: a second click (or Enter) on a form whose answer has not come yet is dropped — the
// browser would show only the second answer, and the first one's (a 交办 made, a password shown once) would be lost
// (double-submit trial). The server does a repeated request once too (org.anju.platform.Once); this spares the user a
// confusing second answer. Only forms that post; htmx's own (it prevents the default) queue their requests already.
// The guard lapses after 10 s (a form that downloads a file keeps the page) and when the page comes back from history.
document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented || (form.getAttribute('method') || '').toLowerCase() !== 'post') {
        return;
    }
    var now = Date.now();
    if (form.dataset.sentAt && now - Number(form.dataset.sentAt) < 10000) {
        event.preventDefault();
        return;
    }
    form.dataset.sentAt = String(now);
    // said, not only done: the form shows it is being sent (anju.css), so that a second click is not made in doubt
    form.setAttribute('aria-busy', 'true');
    setTimeout(function () {
        unsent(form);
    }, 10000);
});
function unsent(form) {
    delete form.dataset.sentAt;
    form.removeAttribute('aria-busy');
}
window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
        document.querySelectorAll('form[data-sent-at]').forEach(unsent);
    }
});
