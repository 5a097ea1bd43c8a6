/* A finished job's message with links to what was made (DATA comes from the server template). */
(function () {
  'use strict';
  /* global ui, DATA */
  ui.text('message', DATA.message || '');
  var links = ui.clear('links');
  (DATA.links || []).forEach(function (l) {
    var a = ui.el('a', '', l.text);
    a.href = l.url;
    a.target = '_blank';
    links.appendChild(a);
    links.appendChild(document.createElement('br'));
  });
  ui.$('close').addEventListener('click', function () { google.script.host.close(); });
})();
