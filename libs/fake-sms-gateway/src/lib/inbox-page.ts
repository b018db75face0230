/** The phone-like inbox served at `/`: refreshed on each server-sent event (polling as a fallback), newest SMS or call on top. */
export const INBOX_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fake SMS gateway · inbox</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #e9ecef; }
  @media (prefers-color-scheme: dark) { body { background: #1b1d21; } }
  .phone { width: 380px; height: 760px; border-radius: 48px; background: #111; padding: 14px; box-shadow: 0 20px 50px rgba(0,0,0,.35); }
  .screen { height: 100%; border-radius: 36px; overflow: hidden; display: flex; flex-direction: column; background: #f7f7f9; color: #111; }
  header { padding: 18px 20px 10px; background: #fff; border-bottom: 1px solid #ddd; }
  header h1 { margin: 0; font-size: 17px; }
  header p { margin: 2px 0 0; font-size: 12px; color: #666; }
  main { flex: 1; overflow-y: auto; padding: 12px; }
  .empty { color: #888; text-align: center; margin-top: 40%; font-size: 14px; }
  .sms { margin: 0 0 12px; }
  .meta { font-size: 11px; color: #777; margin: 0 6px 3px; display: flex; justify-content: space-between; gap: 8px; }
  .bubble { background: #e5e5ea; border-radius: 18px; padding: 10px 14px; font-size: 15px; line-height: 1.35; white-space: pre-wrap; word-break: break-word; }
  .new .bubble { animation: pop .4s ease-out; }
  @keyframes pop { from { transform: scale(.96); background: #c7f0d1; } }
  .status { font-size: 11px; margin: 3px 6px 0; color: #2a7; }
  .status.failed, .status.undelivered { color: #c33; }
  .call .bubble { background: #dbe9ff; }
  .call .digits { display: block; margin-top: 6px; font: 600 22px/1.2 ui-monospace, Menlo, monospace; letter-spacing: .18em; }
</style>
</head>
<body>
<div class="phone"><div class="screen">
  <header><h1>Messages</h1><p id="summary">Fake SMS gateway (Twilio-compatible): every SMS sent, and every call placed, shows up here.</p></header>
  <main id="inbox" aria-live="polite"><p class="empty">No SMS yet.</p></main>
</div></div>
<script>
  const inbox = document.getElementById('inbox');
  const summary = document.getElementById('summary');
  const seen = new Set();
  async function refresh() {
    try {
      const [res, callsRes] = await Promise.all([fetch('/__messages', { cache: 'no-store' }), fetch('/__calls', { cache: 'no-store' })]);
      const { messages } = await res.json();
      const { calls } = await callsRes.json();
      if (!messages.length && !calls.length) { inbox.innerHTML = '<p class="empty">No SMS yet.</p>'; seen.clear(); return; }
      const frag = document.createDocumentFragment();
      const items = [...messages, ...calls.map((c) => ({ ...c, call: true }))].sort((a, b) => a.dateCreated.localeCompare(b.dateCreated));
      for (const m of items.reverse()) {
        if (m.call) { frag.append(callItem(m)); continue; }
        const el = document.createElement('article');
        el.className = 'sms' + (seen.has(m.sid) ? '' : ' new');
        const meta = document.createElement('div'); meta.className = 'meta';
        const to = document.createElement('span'); to.textContent = 'To ' + m.to + ' · from ' + m.from;
        const at = document.createElement('time'); at.dateTime = m.dateCreated; at.textContent = new Date(m.dateCreated).toLocaleTimeString();
        meta.append(to, at);
        const bubble = document.createElement('div'); bubble.className = 'bubble'; bubble.textContent = m.body;
        const status = document.createElement('div'); status.className = 'status ' + m.status; status.textContent = m.status;
        el.append(meta, bubble, status);
        frag.append(el);
      }
      items.forEach((m) => seen.add(m.sid));
      inbox.replaceChildren(frag);
      summary.textContent = messages.length + ' SMS · ' + calls.length + ' calls · updated ' + new Date().toLocaleTimeString();
    } catch { summary.textContent = 'Gateway not reachable; retrying…'; }
  }
  // A call ("Call me instead"): what its TwiML says, and the digits read out, large.
  function callItem(c) {
    const el = document.createElement('article');
    el.className = 'sms call' + (seen.has(c.sid) ? '' : ' new');
    const meta = document.createElement('div'); meta.className = 'meta';
    const to = document.createElement('span'); to.textContent = '📞 Call to ' + c.to + ' · from ' + c.from + (c.language ? ' · ' + c.language : '');
    const at = document.createElement('time'); at.dateTime = c.dateCreated; at.textContent = new Date(c.dateCreated).toLocaleTimeString();
    meta.append(to, at);
    const bubble = document.createElement('div'); bubble.className = 'bubble';
    bubble.textContent = c.said.filter((t) => !/^[0-9]$/.test(t)).join(' … ');
    const digits = document.createElement('span'); digits.className = 'digits'; digits.textContent = c.digits.split('').join(' ');
    bubble.append(digits);
    const status = document.createElement('div'); status.className = 'status'; status.textContent = 'call ' + c.status;
    el.append(meta, bubble, status);
    return el;
  }
  refresh();
  // Live: the gateway pushes a "change" event for each SMS and status; polling is the fallback.
  let live = false;
  if (window.EventSource) {
    const events = new EventSource('/__events');
    events.addEventListener('change', () => { live = true; refresh(); });
    events.onerror = () => { live = false; };
  }
  setInterval(() => { if (!live) refresh(); }, 1000);
</script>
</body>
</html>
`;
