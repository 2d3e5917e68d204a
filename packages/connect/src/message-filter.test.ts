import { POPUP_EVENT_TYPE, POPUP_MESSAGE_TYPE } from '@harvest-connect/protocol';
import { describe, expect, it } from 'vitest';
import { readPopupMessage } from './message-filter';

const popup = {};
const expected = { origin: 'https://connect.example.com', source: popup, nonce: 'n-1', sessionId: 'cs_1' };
const data = { type: POPUP_MESSAGE_TYPE, session_id: 'cs_1', nonce: 'n-1', status: 'success' };

describe('readPopupMessage', () => {
  it("accepts the flow's own result and progress messages", () => {
    expect(readPopupMessage({ origin: expected.origin, source: popup, data }, expected)).toBe(data);
    const progress = { type: POPUP_EVENT_TYPE, session_id: 'cs_1', nonce: 'n-1', name: 'account_selected' };
    expect(readPopupMessage({ origin: expected.origin, source: popup, data: progress }, expected)).toBe(
      progress,
    );
  });

  it.each([
    ['origin with a path-like suffix', { origin: 'https://connect.example.com.evil.io' }],
    ['http instead of https', { origin: 'http://connect.example.com' }],
    ['another port', { origin: 'https://connect.example.com:8443' }],
    ['another window', { source: {} }],
    ['no source', { source: null }],
    ['a wrong nonce', { data: { ...data, nonce: 'n-2' } }],
    ['no nonce', { data: { ...data, nonce: undefined } }],
    ['another session', { data: { ...data, session_id: 'cs_2' } }],
    ['another type', { data: { ...data, type: 'other' } }],
    ['a string', { data: JSON.stringify(data) }],
    ['null', { data: null }],
    ['a number', { data: 42 }],
  ])('rejects %s', (_name, patch) => {
    expect(readPopupMessage({ origin: expected.origin, source: popup, data, ...patch }, expected)).toBeNull();
  });
});
