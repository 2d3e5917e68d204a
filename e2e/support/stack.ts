/** The test stack's ports: apart from `npm start`'s (4010/4000/5173), so both can run at once. */
export const STACK = {
  sandboxPort: 4110,
  serverPort: 4100,
  demoPort: 5183,
  sandboxUrl: 'http://127.0.0.1:4110',
  serverUrl: 'http://127.0.0.1:4100',
  demoUrl: 'http://127.0.0.1:5183',
} as const;
