/* Helpers shared by the dialogs (plain ES2017, no frameworks). TEXT comes from src/core/messages/dialogs.ts. */
/* global TEXT */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by the other dialog scripts
var ui = (function () {
  'use strict';
  function $(id) {
    return document.getElementById(id);
  }
  function show(id, visible) {
    $(id).hidden = !visible;
  }
  function text(id, value) {
    $(id).textContent = value;
  }
  /** Russian plural: plural(5, TEXT.letters) → the third form. */
  function plural(n, forms) {
    var a = Math.abs(n) % 100;
    var b = a % 10;
    if (b === 1 && a !== 11) return forms[0];
    if (b >= 2 && b <= 4 && (a < 12 || a > 14)) return forms[1];
    return forms[2];
  }
  function count(n, forms) {
    return n + '\u00a0' + plural(n, forms);
  }
  /** fmt('Отправить {0}?', x): the template with its values put in. */
  function fmt(template) {
    var values = Array.prototype.slice.call(arguments, 1);
    return template.replace(/\{(\d)\}/g, function (_, i) {
      return String(values[Number(i)]);
    });
  }
  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }
  function clear(id) {
    var node = $(id);
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }
  /** Calls a server function; `done` gets the result, failures show as a Russian message. */
  function call(name, args, done, failed) {
    var runner = google.script.run
      .withSuccessHandler(done)
      .withFailureHandler(function (error) {
        var message = TEXT.noConnection;
        if (error && error.message) message += ' (' + error.message + ')';
        failed(message);
      });
    runner[name].apply(runner, args);
  }
  /** Shows a run report: the message, the print link and the errors. */
  function report(id, result) {
    var box = clear(id);
    box.className = 'report' + (result.ok ? '' : ' failed');
    box.appendChild(document.createTextNode(result.message || ''));
    // The print-ready document, and for letters that go by post their envelopes and register.
    [
      [result.printLink, TEXT.openPrint],
      [result.envelopeLink, TEXT.openEnvelopes],
      [result.registerLink, TEXT.openRegister],
    ].forEach(function (pair) {
      if (!pair[0]) return;
      box.appendChild(document.createElement('br'));
      var link = el('a', '', pair[1]);
      link.href = pair[0];
      link.target = '_blank';
      box.appendChild(link);
    });
    box.hidden = false;
  }
  return { $: $, show: show, text: text, plural: plural, count: count, fmt: fmt, el: el, clear: clear, call: call, report: report };
})();
