/** The web chat's script and styles, served as files so the CSP needs no inline code. */
export const CHAT_SCRIPT = String.raw`(() => {
  const log = document.getElementById('log');
  const choices = document.getElementById('choices');
  const form = document.getElementById('send');
  const input = document.getElementById('text');
  let after = '';
  const seen = new Set();

  function bubble(text, who) {
    const div = document.createElement('div');
    div.className = 'msg ' + who;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
  }

  function showChoices(list) {
    choices.replaceChildren();
    for (const c of list || []) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = c.label;
      b.addEventListener('click', () => { bubble(c.label, 'me'); post({ choice: c.value }); choices.replaceChildren(); });
      choices.appendChild(b);
    }
  }

  async function post(body) {
    body.id = crypto.randomUUID();
    const r = await fetch('/chat/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!r.ok) bubble('⚠ ' + r.status, 'sys');
    poll();
  }

  async function poll() {
    const r = await fetch('/chat/api/messages?after=' + encodeURIComponent(after));
    if (!r.ok) return;
    const data = await r.json();
    for (const m of data.messages) {
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      bubble(m.text, 'bot');
      if (m.choices) showChoices(m.choices);
      after = m.at;
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    bubble(text, 'me');
    input.value = '';
    post({ text });
  });

  for (const b of document.querySelectorAll('button.as')) {
    b.addEventListener('click', async () => {
      const r = await fetch('/chat/api/demo-login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: b.dataset.kind, id: b.dataset.id }) });
      if (r.ok) { document.getElementById('demo').hidden = true; post({ text: '菜单' }); }
    });
  }

  poll();
  setInterval(poll, 1000);
})();
`;

export const CHAT_STYLES = `
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; display: flex; flex-direction: column; height: 100vh; background: #f4f6f4; }
header { background: #2f6b4f; color: #fff; padding: .5rem 1rem; }
header h1 { font-size: 1.1rem; margin: 0; }
#demo { padding: .5rem 1rem; background: #fff8e1; }
#demo ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
#log { flex: 1; overflow-y: auto; padding: 1rem; display: flex; flex-direction: column; gap: .5rem; }
.msg { max-width: 85%; padding: .5rem .75rem; border-radius: .75rem; white-space: pre-wrap; word-break: break-word; }
.msg.bot { background: #fff; align-self: flex-start; }
.msg.me { background: #cfe8d8; align-self: flex-end; }
.msg.sys { background: #fde2e2; align-self: center; }
#choices { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0 1rem .5rem; }
button { font: inherit; min-height: 44px; padding: .4rem .9rem; border-radius: .5rem; border: 1px solid #2f6b4f; background: #fff; color: #2f6b4f; }
#send { display: flex; gap: .5rem; padding: .5rem 1rem 1rem; background: #fff; }
#send input { flex: 1; font: inherit; padding: .5rem; min-height: 44px; }
#send button { background: #2f6b4f; color: #fff; }
`;
