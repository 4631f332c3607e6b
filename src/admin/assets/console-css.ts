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
/* schedules */
a.button { display: inline-flex; align-items: center; min-height: 44px; padding: .4rem 1rem; border-radius: .5rem; border: 1px solid #2f6b4f; text-decoration: none; color: #2f6b4f; background: #fff; }
a.button.primary { background: #2f6b4f; color: #fff; }
button.danger { border-color: #b3141d; color: #b3141d; }
.tabs { display: flex; gap: .5rem; margin: .5rem 0; }
.tabs a { padding: .4rem .9rem; border-radius: 1rem; background: #e6ece8; color: inherit; text-decoration: none; }
.tabs a[aria-current=page] { background: #2f6b4f; color: #fff; }
.week-nav { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin: .5rem 0; }
.week-range { font-weight: 600; }
.week { display: grid; grid-template-columns: 1fr; gap: .5rem; }
.day { background: #fff; border-radius: .75rem; padding: .5rem; box-shadow: 0 1px 2px rgba(0,0,0,.08); min-width: 0; }
.day.today { outline: 2px solid #2f6b4f; }
.day h2 { font-size: .95rem; margin: 0 0 .4rem; }
.appts { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .4rem; }
.appt { background: #f4f8f5; border-radius: .5rem; border-left: 4px solid #2f6b4f; padding: .4rem .5rem; }
.appts.list .appt { background: #fff; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.appt.appt-cancelled { border-left-color: #9aa; opacity: .75; }
.appt-link { display: flex; flex-direction: column; gap: .15rem; color: inherit; text-decoration: none; }
.appt-head, .appt-meta, .att-head { display: flex; flex-wrap: wrap; gap: .2rem .5rem; align-items: center; }
.appt-meta, .appt-topic { font-size: .85rem; color: #52645a; word-break: break-word; }
.rem-lines { list-style: none; margin: .3rem 0 0; padding: 0; font-size: .8rem; color: #52645a; }
.rem-pending .rem-status { color: #1f5a3f; font-weight: 600; }
.rem-expected .rem-status { font-style: italic; }
.rem-cancelled, .rem-skipped { text-decoration: line-through; }
.attendees { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .6rem; }
.attendees li { border-bottom: 1px solid #e6ece8; padding-bottom: .5rem; }
.att-missed { background: #fde2e2; }
.att-attended, .att-confirmed { background: #e3f3e8; }
fieldset { border: 1px solid #d5e0d9; border-radius: .5rem; padding: .5rem .75rem; display: flex; flex-direction: column; gap: .3rem; }
label.check { display: flex; gap: .4rem; align-items: center; min-height: 44px; }
.row.days label.check { flex: 0 1 auto; }
@media (min-width: 900px) { .week { grid-template-columns: repeat(7, minmax(0, 1fr)); } }
/* Staff, stations, reports, channel status */
.area-tabs { display: flex; flex-wrap: wrap; gap: .25rem; margin: .25rem 0 .5rem; }
.area-tabs a { padding: .4rem .8rem; border-radius: 1rem; background: #e6ece8; text-decoration: none; min-height: 36px; display: inline-flex; align-items: center; }
.area-tabs a.current { background: #2f6b4f; color: #fff; }
.staff-list, .station-list, .channel-list, .chat-list, .steps { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .5rem; }
.staff-item { background: #fff; border-radius: .75rem; padding: .6rem .8rem; display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: center; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.staff-item.inactive { opacity: .6; }
.station-list li { display: flex; flex-direction: column; gap: .15rem; }
.staff-name { font-weight: 600; }
.tag { font-size: .8rem; padding: 0 .45rem; border-radius: .3rem; background: #eef3ef; }
.tag.off { background: #fde2e2; }
.chat-list li { display: flex; flex-wrap: wrap; gap: .4rem .75rem; align-items: center; }
.secret, .invite-code { font-family: ui-monospace, monospace; font-size: 1.4rem; letter-spacing: .08em; background: #fff8e1; padding: .4rem .6rem; border-radius: .4rem; word-break: break-all; }
.invite-code { font-size: 2rem; text-align: center; }
.steps li { line-height: 1.6; }
img.qr { display: block; max-width: 100%; height: auto; margin: .5rem 0; background: #fff; }
button.danger { border-color: #b3141d; color: #b3141d; }
.report-head { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: baseline; }
.report-head .hint { flex-basis: 100%; margin: 0 0 .4rem; }
.button-link { display: inline-flex; align-items: center; min-height: 36px; padding: .2rem .8rem; border: 1px solid #2f6b4f; border-radius: .5rem; text-decoration: none; }
.table-wrap { overflow-x: auto; }
.report table { border-collapse: collapse; width: 100%; font-size: .9rem; }
.report th, .report td { padding: .35rem .5rem; border-bottom: 1px solid #e3e9e5; text-align: right; white-space: nowrap; }
.report th:first-child, .report thead th:first-child { text-align: left; white-space: normal; }
.report tr.total, .report tr.subtotal { font-weight: 600; background: #f4f7f5; }
.channel h2 { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.state { font-size: .8rem; padding: .05rem .5rem; border-radius: 1rem; background: #eee; }
.state-running { background: #e3f3e8; color: #1f5a3f; }
.state-error { background: #fde2e2; color: #b3141d; }
.state-waiting-for-login { background: #fff1c2; }
.url { font-family: ui-monospace, monospace; word-break: break-all; }
/* People (src/admin/people) */
.filters label.wide { flex: 2 1 14rem; }
.people, .family, .timeline, .upcoming { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .5rem; }
.person { background: #fff; border-radius: .75rem; border-left: 6px solid #9bb3a5; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.person.risk-high { border-left-color: #e0611a; }
.person.risk-low { border-left-color: #cfdcd4; }
.person-link { display: flex; flex-direction: column; gap: .25rem; padding: .7rem .8rem; color: inherit; text-decoration: none; }
.person-head, .person-meta, .row-actions, .accounts { display: flex; flex-wrap: wrap; gap: .25rem .6rem; align-items: center; }
.person-meta { font-size: .85rem; color: #52645a; }
.person-name { font-weight: 600; word-break: break-word; }
.tier { font-size: .8rem; padding: 0 .4rem; border-radius: .3rem; background: #eef; }
.tier.tier-high { background: #fde2e2; }
.tier.tier-low { background: #e3f3e8; }
.reach { font-size: .8rem; padding: 0 .4rem; border-radius: .3rem; background: #e3f3e8; }
.reach.off { background: #fde2e2; }
.reach.none { background: #eee; }
.pager { display: flex; justify-content: space-between; align-items: center; gap: .5rem; margin: .75rem 0; }
.family li { border-top: 1px solid #e6ece8; padding-top: .5rem; display: flex; flex-direction: column; gap: .25rem; }
.recovery { font-size: 1.1rem; font-weight: 600; color: #1f5a3f; margin: .25rem 0; }
.field.invalid input, .field.invalid select { border-color: #b3141d; }
.field-error { display: block; color: #b3141d; font-size: .85rem; }
.invite-code { font: 600 2.2rem/1.2 ui-monospace, monospace; letter-spacing: .12em; margin: .5rem 0; word-break: break-all; }
.qr { display: block; width: 240px; max-width: 100%; height: auto; background: #fff; }
.chart { margin: 0; }
.chart svg { width: 100%; height: auto; display: block; }
.chart .plot { fill: #fafcfb; stroke: #cfdcd4; }
.chart .grid { stroke: #e6ece8; }
.chart .axis { font-size: 11px; fill: #52645a; }
.chart .line { stroke-width: 2; }
.chart .line.mood, .chart .dot.mood { stroke: #1f6fb2; }
.chart .line.craving, .chart .dot.craving { stroke: #e0611a; }
.chart .dot.mood { fill: #1f6fb2; }
.chart .dot.craving { fill: #e0611a; }
.chart .use-mark { stroke: #b3141d; stroke-width: 2; stroke-dasharray: 4 3; }
.legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .85rem; color: #52645a; }
.legend .key::before { content: ""; display: inline-block; width: 1rem; height: .25rem; margin-right: .3rem; vertical-align: middle; }
.legend .key.mood::before { background: #1f6fb2; }
.legend .key.craving::before { background: #e0611a; }
.legend .key.use::before { background: #b3141d; }
.timeline .tl { display: flex; flex-wrap: wrap; gap: .1rem .6rem; border-left: 4px solid #cfdcd4; padding: .3rem .6rem; font-size: .85rem; color: #52645a; }
.timeline .tl .what { color: #1d2a22; font-weight: 600; }
.timeline .tl .msg, .timeline .tl .note { flex-basis: 100%; }
.timeline .tl-message { border-left-color: #1f6fb2; }
.timeline .tl-check-in { border-left-color: #2f6b4f; }
.timeline .tl-escalation { border-left-color: #b3141d; }
.timeline .tl-relief { border-left-color: #d9a400; }
/* Relief, content and broadcasts */
.board { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(16rem, 85%); gap: .75rem; overflow-x: auto; padding-bottom: .5rem; scroll-snap-type: x mandatory; }
.board .column { background: #e9efeb; border-radius: .75rem; padding: .6rem; scroll-snap-align: start; min-width: 0; }
.board .column h2 { display: flex; justify-content: space-between; align-items: baseline; }
.cards { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .5rem; }
.relief-card { background: #fff; border-radius: .6rem; padding: .6rem .7rem; box-shadow: 0 1px 2px rgba(0,0,0,.08); display: flex; flex-direction: column; gap: .3rem; }
.relief-link { display: flex; flex-wrap: wrap; gap: .25rem .6rem; font-weight: 600; color: inherit; }
.relief-meta { display: flex; flex-wrap: wrap; gap: .25rem .6rem; font-size: .85rem; color: #52645a; }
.prescreen summary { cursor: pointer; font-size: .9rem; min-height: 32px; }
.prescreen ul { margin: .3rem 0 0; padding-left: 1.1rem; font-size: .85rem; }
.prescreen .a-true { color: #1f5a3f; } .prescreen .a-false { color: #b3141d; }
.move-form { margin: 0; }
.move-form.row label { flex: 1 1 8rem; }
.status.rs-approved { background: #e3f3e8; } .status.rs-declined { background: #fde2e2; }
.content-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .5rem; }
.content-item { background: #fff; border-radius: .6rem; padding: .6rem .8rem; box-shadow: 0 1px 2px rgba(0,0,0,.08); display: flex; flex-direction: column; gap: .25rem; }
.content-item.retired { opacity: .65; }
.badge.verify { background: #fff1c2; color: #6b4e00; }
a.button { display: inline-flex; align-items: center; min-height: 44px; padding: .4rem 1rem; border-radius: .5rem; border: 1px solid #2f6b4f; background: #2f6b4f; color: #fff; text-decoration: none; }
fieldset { border: 1px solid #d5e0d9; border-radius: .5rem; padding: .6rem; }
label.check { display: flex; gap: .4rem; align-items: center; }
.bubble { background: #e3f3e8; border-radius: .75rem; padding: .6rem .8rem; }
.broadcasts li { flex-direction: column; }
@media (min-width: 1100px) { .board { grid-auto-flow: initial; grid-template-columns: repeat(5, 1fr); overflow: visible; } main:has(.board) { max-width: 1400px; } }
`;
