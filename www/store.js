// Autosave in localStorage. Storage may be full, disabled or missing
// (private windows, file:// in some browsers): every call says what happened.

const KEY = 'factlens.page/1';

/** The saved session {text, date, corrections}, or null; `error` says why it could not be read. */
export function loadSession() {
  let raw;
  try {
    raw = globalThis.localStorage?.getItem(KEY);
  } catch {
    return { session: null, error: 'Browser storage is unavailable here, so your work will not be kept after a reload.' };
  }
  if (!raw) return { session: null, error: null };
  try {
    const s = JSON.parse(raw);
    if (typeof s.text !== 'string' || !Array.isArray(s.corrections)) throw new Error('bad shape');
    return { session: { text: s.text, date: typeof s.date === 'string' ? s.date : '', corrections: s.corrections }, error: null };
  } catch {
    return { session: null, error: 'The saved session could not be read and was ignored.' };
  }
}

/** Saves the session; returns null or a message for the user. */
export function saveSession(session) {
  try {
    if (!globalThis.localStorage) throw new Error('none');
    localStorage.setItem(KEY, JSON.stringify(session));
    return null;
  } catch (e) {
    if (e && (e.name === 'QuotaExceededError' || e.code === 22)) {
      return 'Autosave failed: browser storage is full. Export your work to keep it.';
    }
    return 'Autosave is unavailable in this browser, so your work will not be kept after a reload. Export your work to keep it.';
  }
}
