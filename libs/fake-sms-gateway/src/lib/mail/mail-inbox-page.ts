/** The mail inbox served at `/` of the fake mail server: polls /__mails, newest first, text or HTML view. */
export const MAIL_INBOX_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fake mail · inbox</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  body { margin: 0; display: grid; grid-template-columns: 340px 1fr; height: 100vh; }
  aside { border-right: 1px solid #8884; overflow-y: auto; }
  aside h1 { font-size: 17px; margin: 16px; }
  aside p.hint { font-size: 12px; color: #888; margin: -8px 16px 12px; }
  button.mail { all: unset; display: block; box-sizing: border-box; width: 100%; padding: 10px 16px; border-top: 1px solid #8883; cursor: pointer; }
  button.mail[aria-current="true"], button.mail:focus-visible { background: #1d4ed822; outline: none; }
  .to { font-size: 12px; color: #888; }
  .subject { font-weight: 600; }
  main { overflow-y: auto; padding: 16px 24px; }
  iframe { width: 100%; height: 70vh; border: 1px solid #8884; border-radius: 6px; background: #fff; }
  pre { white-space: pre-wrap; word-break: break-word; }
  .empty { color: #888; margin: 24px 16px; }
</style>
</head>
<body>
<aside>
  <h1>Mail</h1>
  <p class="hint">Fake SMTP server: every e-mail the worker sends shows up here.</p>
  <div id="list"><p class="empty">No e-mail yet.</p></div>
</aside>
<main id="view"><p class="empty">Choose an e-mail.</p></main>
<script>
  let mails = [];
  let current = null;
  let mode = 'html';
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  function show() {
    const m = mails.find((x) => x.id === current);
    const view = document.getElementById('view');
    if (!m) { view.innerHTML = '<p class="empty">Choose an e-mail.</p>'; return; }
    view.innerHTML = '<h2>' + esc(m.subject) + '</h2><p class="to">From ' + esc(m.from) + ' to ' + esc(m.to.join(', ')) + ' · ' + esc(new Date(m.date).toLocaleString()) +
      '</p><p><button id="html">HTML</button> <button id="text">Plain text</button></p><div id="body"></div>';
    const body = document.getElementById('body');
    if (mode === 'html' && m.html) {
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');
      frame.srcdoc = m.html.replace('<head>', '<head><base target="_blank">');
      body.appendChild(frame);
    } else body.innerHTML = '<pre>' + esc(m.text) + '</pre>';
    document.getElementById('html').onclick = () => { mode = 'html'; show(); };
    document.getElementById('text').onclick = () => { mode = 'text'; show(); };
  }
  async function refresh() {
    try {
      const next = await (await fetch('/__mails')).json();
      if (next.length !== mails.length) {
        mails = next.slice().reverse();
        const list = document.getElementById('list');
        list.innerHTML = mails.length ? '' : '<p class="empty">No e-mail yet.</p>';
        for (const m of mails) {
          const b = document.createElement('button');
          b.className = 'mail';
          b.setAttribute('aria-current', String(m.id === current));
          b.innerHTML = '<div class="to">' + esc(m.to.join(', ')) + '</div><div class="subject">' + esc(m.subject) + '</div>';
          b.onclick = () => { current = m.id; refresh.force = true; document.querySelectorAll('button.mail').forEach((x) => x.setAttribute('aria-current', 'false')); b.setAttribute('aria-current', 'true'); show(); };
          list.appendChild(b);
        }
      }
    } catch {}
  }
  refresh();
  setInterval(refresh, 1000);
</script>
</body>
</html>
`;
