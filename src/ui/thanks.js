/* «Благодарственные письма»: choose the period and options, see who gets a letter for what, make them. */
/* global ui, TEXT */
(function () {
  'use strict';
  var state = { preview: null, busy: false, request: 0, timer: 0 };
  var $ = ui.$;

  function request() {
    var byEvent = $('by-event').checked;
    return {
      eventId: byEvent ? $('event').value : '',
      year: byEvent ? '' : $('year').value.trim(),
      sponsorsOnly: $('sponsors').checked,
      email: $('email').checked,
      redo: $('redo').checked,
    };
  }

  function setBusy(busy, message) {
    state.busy = busy;
    ui.text('status', message || '');
    ui.show('status', !!message);
    $('make').disabled = busy || !(state.preview && state.preview.ok && state.preview.letters.length > 0);
  }

  function showError(message) {
    ui.text('error', message);
    ui.show('error', !!message);
  }

  function render(p) {
    state.preview = p;
    showError(p.error || '');
    ui.show('preview', !!p.period);
    ui.text('period', p.period ? ui.fmt(TEXT.thanks.period, p.period, ui.count(p.letters.length, TEXT.letters)) : '');
    var problems = ui.clear('problems');
    (p.templateProblems || []).forEach(function (t) { problems.appendChild(ui.el('li', '', t)); });
    problems.hidden = !(p.templateProblems && p.templateProblems.length);
    var body = $('letters').tBodies[0];
    while (body.firstChild) body.removeChild(body.firstChild);
    p.letters.forEach(function (l) {
      var tr = document.createElement('tr');
      var who = ui.el('td', '', l.organisation);
      if (l.sponsor) who.appendChild(ui.el('div', 'muted', TEXT.thanks.sponsor));
      tr.appendChild(who);
      tr.appendChild(ui.el('td', '', l.text));
      tr.appendChild(ui.el('td', 'muted', l.email || '—'));
      body.appendChild(tr);
    });
    $('letters').hidden = p.letters.length === 0;
    var skipped = ui.clear('skipped');
    p.skipped.forEach(function (s) {
      var li = ui.el('li', '', s.organisation + ' — ');
      li.appendChild(ui.el('span', 'reason', s.reason));
      skipped.appendChild(li);
    });
    ui.text('skipped-count', String(p.skipped.length));
    ui.text('sample', p.sample || TEXT.noLetters);
    setBusy(false);
  }

  function loadPreview() {
    var id = ++state.request;
    state.preview = null;
    ui.show('report', false);
    ui.show('confirm', false);
    setBusy(true, TEXT.thanks.collecting);
    ui.call('dialogPreviewThanks', [request()], function (p) {
      if (id !== state.request) return;
      render(p);
    }, function (message) {
      setBusy(false);
      showError(message);
    });
  }

  /** Typing the year waits a moment before asking the server again. */
  function loadSoon() {
    clearTimeout(state.timer);
    state.timer = setTimeout(loadPreview, 500);
  }

  function askToMake() {
    var p = state.preview;
    if (!p || !p.ok || state.busy) return;
    var text = ui.fmt(TEXT.thanks.confirm, ui.count(p.letters.length, TEXT.letters));
    if ($('email').checked) text += TEXT.thanks.confirmEmail;
    ui.text('confirm-text', text);
    ui.show('confirm', true);
    $('confirm-yes').focus();
  }

  function make() {
    ui.show('confirm', false);
    setBusy(true, TEXT.thanks.making);
    ui.call('dialogStartThanks', [request()], function (report) {
      state.preview = null;
      setBusy(false);
      ui.report('report', report);
    }, function (message) {
      setBusy(false);
      showError(message);
    });
  }

  function periodChanged() {
    $('event').disabled = !$('by-event').checked;
    $('year').disabled = $('by-event').checked;
    loadPreview();
  }

  $('by-year').addEventListener('change', periodChanged);
  $('by-event').addEventListener('change', periodChanged);
  $('event').addEventListener('change', loadPreview);
  $('year').addEventListener('input', loadSoon);
  ['sponsors', 'email', 'redo'].forEach(function (id) { $(id).addEventListener('change', loadPreview); });
  $('make').addEventListener('click', askToMake);
  $('confirm-yes').addEventListener('click', make);
  $('confirm-no').addEventListener('click', function () { ui.show('confirm', false); });
  $('close').addEventListener('click', function () { google.script.host.close(); });

  ui.call('dialogThanksData', [], function (data) {
    if (data.error) {
      setBusy(false);
      return showError(data.error);
    }
    $('year').value = data.currentYear;
    var select = ui.clear('event');
    data.events.forEach(function (e) {
      var option = ui.el('option', '', e.title + ' — ' + e.date);
      option.value = e.id;
      select.appendChild(option);
    });
    $('by-event').disabled = data.events.length === 0;
    if (data.pending && data.pending.job === 'thanks') {
      ui.text('pending', TEXT.thanks.pending);
      ui.show('pending', true);
    }
    loadPreview();
  }, function (message) {
    setBusy(false);
    showError(message);
  });
})();
