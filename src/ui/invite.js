/* «Пригласить на мероприятие»: pick the event, see the preview, test, confirm, send, read the report. */
/* global ui, TEXT */
(function () {
  'use strict';
  var state = { events: [], preview: null, busy: false, request: 0, scheduled: null };
  var $ = ui.$;

  function setBusy(busy, message) {
    state.busy = busy;
    ui.text('status', message || '');
    ui.show('status', !!message);
    refreshButtons();
  }

  function canSend() {
    var p = state.preview;
    return !!p && p.ok && !state.busy && p.counts.send + p.counts.print + chosenResends().length > 0;
  }

  function refreshButtons() {
    $('send').disabled = !canSend();
    $('later').disabled = !canSend();
    $('test').disabled = !(state.preview && state.preview.ok && state.preview.counts.send > 0) || state.busy;
    $('event').disabled = state.busy || state.events.length === 0;
  }

  function showError(message) {
    ui.text('error', message);
    ui.show('error', !!message);
  }

  function chosenResends() {
    var boxes = document.querySelectorAll('#resend input[type="checkbox"]');
    var ids = [];
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) ids.push(boxes[i].value);
    return ids;
  }

  function fillEvents(data) {
    var select = ui.clear('event');
    state.events = data.events || [];
    state.events.forEach(function (e) {
      var option = ui.el('option', '', e.upcoming ? e.title + ' — ' + e.date : ui.fmt(TEXT.invite.past, e.title + ' — ' + e.date));
      option.value = e.id;
      select.appendChild(option);
    });
    if (data.selected) select.value = data.selected;
    showScheduled(data.scheduled);
    if (data.pending && data.pending.job === 'invite') {
      ui.text('pending', TEXT.invite.pending);
      ui.show('pending', true);
    }
  }

  /** The send that waits for its time, whatever the event: «Запланировано на …». */
  function showScheduled(s) {
    state.scheduled = s || null;
    ui.text('scheduled', s ? s.note : '');
    ui.show('scheduled', !!s);
  }

  function renderPreview(p) {
    state.preview = p;
    if (p.scheduled !== undefined) showScheduled(p.scheduled);
    ui.show('preview', !!p.event);
    showError(p.error || '');
    if (!p.event) return refreshButtons();
    ui.text('count-send', String(p.counts.send));
    ui.text('count-send-label', ui.plural(p.counts.send, TEXT.invite.byEmail));
    ui.text('count-print', String(p.counts.print));
    ui.text('count-skipped', String(p.counts.skipped));

    var quota = ui.clear('quota');
    if (p.quota !== null && p.quota !== undefined) {
      quota.className = p.quotaShort ? 'warning' : 'muted';
      quota.textContent = ui.fmt(TEXT.invite.quota, ui.count(p.quota, TEXT.letters)) + (p.quotaShort ? TEXT.invite.quotaShort : '');
    }

    ui.text('warnings', (p.warnings || []).join(' '));
    ui.show('warnings', !!(p.warnings && p.warnings.length));

    var problems = ui.clear('problems');
    (p.templateProblems || []).forEach(function (t) { problems.appendChild(ui.el('li', '', t)); });
    problems.hidden = !(p.templateProblems && p.templateProblems.length);

    var body = $('categories').tBodies[0];
    while (body.firstChild) body.removeChild(body.firstChild);
    p.byCategory.forEach(function (c) {
      var tr = document.createElement('tr');
      tr.appendChild(ui.el('td', '', c.category));
      tr.appendChild(ui.el('td', 'num', String(c.send)));
      tr.appendChild(ui.el('td', 'num', String(c.print)));
      tr.appendChild(ui.el('td', 'num', String(c.skipped)));
      body.appendChild(tr);
    });
    $('categories').hidden = p.byCategory.length === 0;

    var recipients = ui.clear('recipients');
    p.recipients.forEach(function (r) {
      var li = ui.el('li', '', r.organisation + ' ');
      li.appendChild(ui.el('span', 'muted', '<' + r.emails + '>'));
      recipients.appendChild(li);
    });
    ui.text('recipients-count', String(p.recipients.length));

    var skipped = ui.clear('skipped');
    var resend = ui.clear('resend');
    p.skipped.forEach(function (s) {
      var li = ui.el('li', '', s.organisation + ' — ');
      li.appendChild(ui.el('span', 'reason', s.reason));
      skipped.appendChild(li);
      if (s.resendable) {
        var item = ui.el('li');
        var label = ui.el('label');
        var box = ui.el('input');
        box.type = 'checkbox';
        box.value = s.id;
        box.addEventListener('change', refreshButtons);
        label.appendChild(box);
        label.appendChild(document.createTextNode(' ' + s.organisation + ' (' + s.reason + ')'));
        item.appendChild(label);
        resend.appendChild(item);
      }
    });
    ui.text('skipped-count', String(p.skipped.length));
    var printList = ui.clear('print-list');
    p.print.forEach(function (s) {
      var li = ui.el('li', '', s.organisation + ' — ');
      li.appendChild(ui.el('span', 'reason', s.reason));
      printList.appendChild(li);
    });
    ui.text('print-count', String(p.print.length));
    ui.show('print-box', p.print.length > 0);
    ui.show('resend-box', resend.childNodes.length > 0);

    ui.text('sample-mail', p.sample && p.sample.to ? ui.fmt(TEXT.invite.sampleMail, p.sample.to, p.sample.subject) : '');
    ui.text('sample', p.sample ? p.sample.letter : TEXT.noLetters);
    refreshButtons();
  }

  function loadPreview() {
    var id = $('event').value;
    if (!id) return;
    var request = ++state.request;
    state.preview = null;
    ui.show('report', false);
    ui.show('confirm', false);
    ui.show('later-box', false);
    setBusy(true, TEXT.invite.checking);
    ui.call('dialogPreviewInvite', [id], function (p) {
      if (request !== state.request) return;
      setBusy(false);
      renderPreview(p);
    }, function (message) {
      setBusy(false);
      showError(message);
    });
  }

  function askToSend() {
    var p = state.preview;
    if (!canSend()) return;
    var n = p.counts.send + chosenResends().length;
    var text = ui.fmt(TEXT.invite.confirm, ui.count(n, TEXT.letters));
    if (p.counts.print > 0) {
      text += ui.fmt(TEXT.invite.confirmPrint, ui.count(p.counts.print, TEXT.letters), ui.plural(p.counts.print, TEXT.invite.willGo));
    }
    if (state.scheduled && state.scheduled.eventId === $('event').value) text += TEXT.invite.replacesScheduled;
    ui.text('confirm-text', text);
    ui.show('later-box', false);
    ui.show('confirm', true);
    $('confirm-yes').focus();
  }

  function send() {
    ui.show('confirm', false);
    setBusy(true, TEXT.invite.sending);
    ui.call('dialogStartInvite', [$('event').value, chosenResends()], function (report) {
      setBusy(false);
      ui.report('report', report);
      state.preview = null;
      refreshButtons();
    }, function (message) {
      setBusy(false);
      showError(message);
    });
  }

  function askForTime() {
    if (!canSend()) return;
    ui.show('confirm', false);
    ui.show('later-box', true);
    $('later-date').focus();
  }

  function schedule() {
    setBusy(true, TEXT.invite.scheduling);
    ui.call('dialogScheduleInvite', [$('event').value, chosenResends(), $('later-date').value, $('later-time').value], function (result) {
      setBusy(false);
      ui.report('report', result);
      if (result.schedule) showScheduled(result.schedule);
      if (result.ok) ui.show('later-box', false);
    }, function (message) {
      setBusy(false);
      showError(message);
    });
  }

  function sendTest() {
    setBusy(true, TEXT.invite.sendingTest);
    ui.call('dialogSendTestInvite', [$('event').value], function (result) {
      setBusy(false);
      ui.report('report', result);
    }, function (message) {
      setBusy(false);
      showError(message);
    });
  }

  $('event').addEventListener('change', loadPreview);
  $('send').addEventListener('click', askToSend);
  $('confirm-yes').addEventListener('click', send);
  $('confirm-no').addEventListener('click', function () { ui.show('confirm', false); });
  $('test').addEventListener('click', sendTest);
  $('later').addEventListener('click', askForTime);
  $('later-yes').addEventListener('click', schedule);
  $('later-no').addEventListener('click', function () { ui.show('later-box', false); });
  $('close').addEventListener('click', function () { google.script.host.close(); });

  ui.call('dialogInviteData', [], function (data) {
    setBusy(false);
    if (data.error) return showError(data.error);
    fillEvents(data);
    if (state.events.length === 0) return showError(TEXT.invite.noEvents);
    loadPreview();
  }, function (message) {
    setBusy(false);
    showError(message);
  });
})();
