import { html } from 'hono/html';

export interface DemoPerson {
  id: string;
  kind: 'participant' | 'family';
  label: string;
}

/** The chat page; its behaviour is in /chat/app.js (no inline scripts). */
export function chatPage(demoPeople: DemoPerson[]) {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>同行 Tongxing</title>
<link rel="stylesheet" href="/chat/app.css">
</head>
<body>
<header><h1>同行 Tongxing</h1></header>
${demoPeople.length > 0
  ? html`<section id="demo" aria-label="demo">
      <p>演示：选择一位演示人员开始对话 · Demo: chat as one of the demo people</p>
      <ul>${demoPeople.map((p) => html`<li><button type="button" class="as" data-kind="${p.kind}" data-id="${p.id}">${p.label}</button></li>`)}</ul>
    </section>`
  : ''}
<main id="log" aria-live="polite"></main>
<div id="choices"></div>
<form id="send" autocomplete="off">
  <input id="text" name="text" maxlength="4000" placeholder="输入消息或邀请码 · Type a message or your invite code" aria-label="message">
  <button type="submit">发送 Send</button>
</form>
<script src="/chat/app.js" defer></script>
</body>
</html>`;
}
