// The sandbox process of the local stack (run with tsx: it imports the sandbox's TypeScript source). Its
// default OAuth client redirects to the server's callback, as a Harvest OAuth app registered for it would.
import { startSandbox } from '../../packages/sandbox/src/index';

const port = Number(process.env.SANDBOX_PORT ?? 4010);
const serverUrl = process.env.SERVER_URL ?? 'http://127.0.0.1:4000';
const sandbox = await startSandbox({
  port,
  host: '127.0.0.1',
  defaultClient: { redirectUri: `${serverUrl}/connect/oauth/callback` },
});
console.log(`listening on ${sandbox.url}`);

const stop = () => void sandbox.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
