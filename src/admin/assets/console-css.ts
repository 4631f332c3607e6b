/** The console's styles, served as a file: the CSP allows no inline styles. Phone first. */
export const CONSOLE_CSS = `
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; background: #f4f6f4; color: #1d2a22; }
a { color: #1f5a3f; }
main { max-width: 960px; margin: 0 auto; padding: .75rem; }
h1 { font-size: 1.35rem; margin: .5rem 0; }
h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
.top { background: #2f6b4f; color: #fff; padding: .5rem .75rem; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
.top a, .top .link { color: #fff; }
.brand { font-weight: 600; text-decoration: none; }
.top nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; margin-left: auto; }
.top .who { font-size: .85rem; opacity: .85; }
form.inline { display: inline; margin: 0; }
button, select, input, textarea { font: inherit; }
button { min-height: 44px; padding: .4rem 1rem; border-radius: .5rem; border: 1px solid #2f6b4f; background: #fff; color: #2f6b4f; cursor: pointer; }
button.primary { background: #2f6b4f; color: #fff; }
button.big { width: 100%; font-size: 1.15rem; }
button.link { border: 0; background: none; padding: 0; min-height: 0; text-decoration: underline; }
input, select, textarea { min-height: 44px; padding: .4rem .5rem; border: 1px solid #9bb3a5; border-radius: .4rem; background: #fff; width: 100%; }
input[type=checkbox] { width: auto; min-height: 0; }
label { display: block; font-size: .95rem; }
.stack { display: flex; flex-direction: column; gap: .6rem; }
.row { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; }
.row label { flex: 1 1 12rem; }
.card { background: #fff; border-radius: .75rem; padding: .9rem; margin: .75rem 0; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.narrow { max-width: 26rem; margin: 1.5rem auto; }
.flash { padding: .6rem .8rem; border-radius: .5rem; }
.flash.ok { background: #e3f3e8; }
.flash.error { background: #fde2e2; }
.hint { font-size: .85rem; color: #52645a; }
.readonly { background: #fff8e1; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; margin: .5rem 0; }
.filters label { flex: 1 1 9rem; }
.filters label.check { display: flex; gap: .4rem; align-items: center; flex: 0 1 auto; min-height: 44px; }
.queue-head { display: flex; align-items: center; justify-content: space-between; gap: .5rem; }
.live { font-size: .8rem; padding: .1rem .5rem; border-radius: 1rem; }
.live.on { background: #e3f3e8; color: #1f5a3f; }
.live.off { background: #eee; color: #666; }
.count { font-size: .85rem; color: #52645a; margin: .25rem 0; }
.queue { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .5rem; }
.esc { background: #fff; border-radius: .75rem; border-left: 6px solid #9bb3a5; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.esc.lvl-4 { border-left-color: #b3141d; }
.esc.lvl-3 { border-left-color: #e0611a; }
.esc.lvl-2 { border-left-color: #d9a400; }
.esc-link { display: flex; flex-direction: column; gap: .25rem; padding: .7rem .8rem; color: inherit; text-decoration: none; }
.esc-head, .esc-meta { display: flex; flex-wrap: wrap; gap: .25rem .6rem; align-items: center; }
.esc-meta { font-size: .85rem; color: #52645a; }
.num { font-weight: 600; }
.pseudo { font-family: ui-monospace, monospace; }
.excerpt { display: -webkit-box; -webkit-line-clamp: 3; line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; white-space: pre-wrap; word-break: break-word; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-size: .8rem; font-weight: 600; background: #e6ece8; }
.badge.lvl-4 { background: #b3141d; color: #fff; }
.badge.lvl-3 { background: #e0611a; color: #fff; }
.badge.lvl-2 { background: #ffe08a; }
.status { font-size: .8rem; padding: 0 .4rem; border-radius: .3rem; background: #eef; }
.status.st-open { background: #fde2e2; }
.status.st-resolved { background: #e3f3e8; }
.due.overdue { color: #b3141d; font-weight: 600; }
.banner { position: sticky; top: 0; z-index: 10; background: #b3141d; color: #fff; padding: .75rem; border-radius: .5rem; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; font-weight: 600; }
.banner[hidden] { display: none; }
.banner a { color: #fff; }
.banner button { background: #fff; color: #b3141d; border-color: #fff; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem .8rem; }
.facts dt { color: #52645a; }
.facts dd { margin: 0; }
.excerpt-list, .history { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .6rem; }
.excerpt-list .meta, .history li { display: flex; flex-wrap: wrap; gap: .25rem .6rem; font-size: .85rem; color: #52645a; }
.msg, .note { margin: .2rem 0 0; white-space: pre-wrap; word-break: break-word; color: #1d2a22; font-size: 1rem; }
.history .note { flex-basis: 100%; }
.actions form { margin: 0 0 .9rem; }
.detail-title { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
@media (min-width: 720px) { main { padding: 1rem 1.5rem; } .facts { grid-template-columns: 10rem 1fr; } }
`;
