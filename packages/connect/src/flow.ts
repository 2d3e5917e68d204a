import {
  type ConnectEvent,
  type ConnectEventName,
  type ConnectOutcome,
  type ConnectSession,
  POPUP_EVENT_TYPE,
  type StartConnectSessionRequest,
  type StartConnectSessionResponse,
} from '@harvest-connect/protocol';
import { request } from './api';
import type { ConnectEnv, MessageLike, PopupLike } from './env';
import { type ConnectFailure, errorOutcome } from './errors';
import { readPopupMessage } from './message-filter';
import type { ConnectOpenMode, OpenOptions } from './options';
import { createPoller, type Poller } from './poller';
import { isInAppBrowser, openPopup } from './popup-window';
import { clearResume, type ResumeState, saveResume, withoutSessionParam } from './redirect';
import type { ConnectSnapshot } from './store';

/** What a flow needs from its `Connect` instance. */
export interface FlowContext {
  env: ConnectEnv;
  /** Without a trailing slash. */
  serverUrl: string;
  /** The exact origin of `serverUrl`: the only origin a popup message may come from. */
  origin: string;
  mode: ConnectOpenMode;
  timeoutMs: number;
  closedGraceMs: number;
  emit: (event: ConnectEvent) => void;
  set: (snapshot: ConnectSnapshot) => void;
}

/** One running flow. */
export interface Flow {
  promise: Promise<ConnectOutcome>;
  /** Ends the flow now with `client.closed` (a no-op once it has ended). */
  close(): void;
  /** Brings its popup to the front, if any. */
  focus(): void;
}

/** 128 random bits. `getRandomValues`, unlike `randomUUID`, also works on plain-http pages. */
function nonce(env: ConnectEnv): string {
  return env.crypto.getRandomValues(new Uint32Array(4)).join('-');
}

/** The outcome a session records, `null` while it is pending. */
function outcomeOf({ id, status, result, error }: ConnectSession): ConnectOutcome | null {
  return status === 'pending'
    ? null
    : status === 'success'
      ? { type: status, session_id: id, result: result! }
      : status === 'cancelled'
        ? { type: status, session_id: id }
        : errorOutcome(id, error ?? {});
}

/**
 * Runs one connect flow to its single outcome. Called synchronously from the click: the popup opens before the
 * first `await`. With `resume`, it finishes a redirect-mode flow instead (no window, straight to polling).
 *
 * @example
 * const flow = startFlow(ctx, { linkToken: fetchLinkToken() });
 * const outcome = await flow.promise;
 */
export function startFlow(ctx: FlowContext, options: OpenOptions, resume?: ResumeState): Flow {
  const { env } = ctx;
  const sessionsUrl = `${ctx.serverUrl}/v1/connect-sessions`;
  let done = false;
  let resolve!: (outcome: ConnectOutcome) => void;
  const promise = new Promise<ConnectOutcome>((r) => {
    resolve = r;
  });
  let sessionId: string | null = resume?.session_id ?? null;
  let popup: PopupLike | null = null;
  let poller: Poller | undefined;
  let grace: number | undefined;
  let graceOver = false;
  let closedSeen = false;
  let timeout: number | undefined;
  const flowNonce = resume?.nonce ?? nonce(env);

  const emit = (name: ConnectEventName, outcome?: ConnectOutcome['type']): void => {
    const event: ConnectEvent = { name, session_id: sessionId, outcome };
    ctx.emit(event);
    options.onEvent?.(event);
  };
  const set = (status: ConnectSnapshot['status'], outcome?: ConnectOutcome): void =>
    ctx.set({ status, outcome, sessionId: sessionId ?? undefined });

  const onMessage = (event: MessageLike): void => {
    const msg = readPopupMessage(event, { origin: ctx.origin, source: popup, nonce: flowNonce, sessionId });
    if (msg?.type === POPUP_EVENT_TYPE) emit(msg.name);
    else if (msg) {
      // Only a hint: the server's session decides.
      set('finishing');
      poller?.now();
    }
  };

  const settle = (outcome: ConnectOutcome): void => {
    if (done) return;
    done = true;
    env.clearTimeout(timeout);
    env.clearTimeout(grace);
    poller?.stop();
    env.removeEventListener('message', onMessage);
    // `close()` is allowed on a cross-origin window and a no-op on a closed or severed one.
    popup?.close();
    if (resume) clearResume(env);
    set('done', outcome);
    resolve(outcome);
    emit(outcome.type === 'success' ? 'success' : 'exit', outcome.type);
    if (outcome.type === 'success') options.onSuccess?.(outcome.result, outcome);
    else options.onExit?.(outcome);
  };

  // A window that reads `closed` is only suspect: with Cross-Origin-Opener-Policy it reads closed while still
  // open. It counts as closed once this page has focus back and the server still says `pending` after a grace.
  const watchWindow = (): void => {
    if (!popup) return;
    const suspect = popup.closed && env.document.hasFocus();
    if (popup.closed && !closedSeen) {
      closedSeen = true;
      emit('window_closed');
    }
    if (suspect && grace === undefined) {
      grace = env.setTimeout(() => {
        graceOver = true;
        poller?.now();
      }, ctx.closedGraceMs);
      poller?.now();
    } else if (!suspect && grace !== undefined && !graceOver) {
      env.clearTimeout(grace);
      grace = undefined;
    }
  };

  const onSession = (session: ConnectSession | null): void => {
    const outcome = session && outcomeOf(session);
    if (outcome) settle(outcome);
    else if (session && graceOver) settle({ type: 'cancelled', session_id: sessionId });
    else watchWindow();
  };

  const poll = (linkToken: string): void => {
    poller = createPoller(
      env,
      () => request<ConnectSession>(env, `${sessionsUrl}/${sessionId}`, linkToken),
      onSession,
      (f: ConnectFailure) => settle(errorOutcome(sessionId, f)),
    );
    poller.now();
  };

  let mode = options.mode ?? ctx.mode;
  timeout = env.setTimeout(
    () => settle({ type: 'timeout', session_id: sessionId }),
    options.timeoutMs ?? ctx.timeoutMs,
  );

  if (resume) {
    set('finishing');
    poll(resume.link_token);
  } else {
    set('opening');
    emit('open');
    if (mode === 'auto' && isInAppBrowser(env.navigator.userAgent)) mode = 'redirect';
    if (mode !== 'redirect') {
      popup = openPopup(env);
      if (popup) emit('window_opened');
      else if (mode === 'popup') settle({ type: 'blocked' });
      else mode = 'redirect';
    }
    if (!done) void begin(mode === 'redirect' ? 'redirect' : 'popup');
  }

  async function begin(to: 'popup' | 'redirect'): Promise<void> {
    let linkToken: string;
    try {
      const source = options.linkToken;
      linkToken = await (typeof source === 'function' ? source() : source);
      if (typeof linkToken !== 'string' || !linkToken) throw 0;
    } catch {
      return settle(errorOutcome(null, { code: 'client.link_token_failed', message: 'No link token' }));
    }
    if (done) return;
    // Closed while still empty (no provider page, so no COOP doubt): cancelled, and the link token stays unused.
    if (popup?.closed) return settle({ type: 'cancelled', session_id: null });
    try {
      const returnUrl = options.returnUrl ?? withoutSessionParam(env.location.href);
      const started = await request<StartConnectSessionResponse>(env, sessionsUrl, linkToken, {
        nonce: flowNonce,
        mode: to,
        // `undefined` fields are left out of the JSON body.
        return_url: to === 'redirect' ? returnUrl : undefined,
        integrated_account_id: options.integratedAccountId,
      } satisfies StartConnectSessionRequest);
      if (done) return;
      sessionId = started.session.id;
      emit('session_started');
      set('open');
      if (to === 'redirect') {
        saveResume(env, { session_id: sessionId, link_token: linkToken, nonce: flowNonce });
        emit('redirect');
        return env.location.assign(started.connect_url);
      }
      env.addEventListener('message', onMessage);
      try {
        popup?.location.replace(started.connect_url);
      } catch {
        // The user closed the empty window already: polling notices and ends the flow as cancelled.
      }
      poll(linkToken);
    } catch (caught) {
      settle(errorOutcome(sessionId, caught));
    }
  }

  return {
    promise,
    close: () => settle(errorOutcome(sessionId, { code: 'client.closed', message: 'Closed by the page' })),
    focus: () => popup?.focus(),
  };
}
