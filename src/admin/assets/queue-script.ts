/**
 * The queue page's script, served as a file (CSP: script-src 'self').
 * Listens to /admin/events; on every change it fetches the list fragment
 * again, and for an open level 3–4 escalation it beeps (WebAudio, no file)
 * and shows the banner. A slow refresh keeps the countdowns current and
 * covers a missed event.
 */
export const QUEUE_SCRIPT = String.raw`(() => {
  'use strict';
  const list = document.getElementById('queue-list');
  if (!list) return;
  const banner = document.getElementById('alert-banner');
  const bannerText = document.getElementById('alert-text');
  const bannerLink = document.getElementById('alert-link');
  const live = document.getElementById('live-status');
  const hint = document.getElementById('sound-hint');
  let audio = null;
  let refreshing = false;
  let again = false;
  let source = null;

  function unlockAudio() {
    try {
      if (!audio) audio = new (window.AudioContext || window.webkitAudioContext)();
      if (audio.state === 'suspended') audio.resume();
      if (hint && audio.state === 'running') hint.hidden = true;
    } catch (e) { audio = null; }
  }
  document.addEventListener('click', unlockAudio);
  document.addEventListener('keydown', unlockAudio);
  document.addEventListener('touchstart', unlockAudio, { passive: true });

  function tone(at, frequency) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.35, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
    osc.connect(gain);
    gain.connect(audio.destination);
    osc.start(at);
    osc.stop(at + 0.3);
  }

  function beep() {
    unlockAudio();
    if (!audio || audio.state !== 'running') { if (hint) hint.hidden = false; return false; }
    const now = audio.currentTime;
    tone(now, 880);
    tone(now + 0.35, 660);
    tone(now + 0.7, 880);
    return true;
  }

  function alertUrgent(change) {
    const template = banner.dataset.template || '';
    bannerText.textContent = template.replace('{level}', String(change.level)).replace('{number}', String(change.number));
    bannerLink.href = '/admin/escalations/' + encodeURIComponent(change.id);
    banner.hidden = false;
    banner.dataset.alerts = String(Number(banner.dataset.alerts || 0) + 1);
    banner.dataset.beeped = String(beep());
  }

  async function refresh() {
    if (refreshing) { again = true; return; }
    refreshing = true;
    try {
      const response = await fetch(list.dataset.src, { headers: { 'x-requested-with': 'fetch' }, credentials: 'same-origin', cache: 'no-store' });
      if (response.status === 401) { location.assign('/admin/login?expired=1'); return; }
      if (response.ok) {
        list.innerHTML = await response.text();
        list.dataset.refreshes = String(Number(list.dataset.refreshes || 0) + 1);
      }
    } catch (e) {
      // offline for a moment: the next event or the slow refresh tries again
    } finally {
      refreshing = false;
      if (again) { again = false; refresh(); }
    }
  }

  function setLive(on) {
    live.textContent = on ? live.dataset.live : live.dataset.offline;
    live.className = 'live ' + (on ? 'on' : 'off');
  }

  function connect() {
    source = new EventSource('/admin/events');
    let wasDown = false;
    source.addEventListener('ready', () => { setLive(true); if (wasDown) refresh(); wasDown = false; });
    // The server lost its LISTEN connection for a while: changes may have been missed.
    source.addEventListener('resync', () => refresh());
    source.addEventListener('escalation', (event) => {
      let change;
      try { change = JSON.parse(event.data); } catch (e) { return; }
      refresh();
      if (change.level >= 3 && change.status === 'OPEN') alertUrgent(change);
    });
    source.addEventListener('logout', () => { source.close(); location.assign('/admin/login?expired=1'); });
    source.onerror = () => {
      setLive(false);
      wasDown = true;
      if (source.readyState === EventSource.CLOSED) {
        // Closed for good (e.g. 401): check the session, then try again later.
        refresh();
        setTimeout(connect, 10000);
      }
    };
  }

  document.getElementById('alert-dismiss').addEventListener('click', () => { banner.hidden = true; });
  connect();
  setInterval(refresh, 60000);
})();
`;
