// The benchmark page: the real <UserPicker> fed from a pre-filled QueryClient (no network), or the plain list.
import '@harvest-connect/react/styles.css';
import type { ListResponse, UnifiedRole, UnifiedUser } from '@harvest-connect/protocol';
import { HarvestConnectProvider, UserPicker, userDirectoryKeys } from '@harvest-connect/react';
import { type InfiniteData, QueryClient } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { BenchApi, Variant } from './api';
import { PlainPicker } from './PlainPicker';
import { installProbe } from './probe';
import { makeDirectory } from './users';

const USERS = 10_000;
/** The server's page size for the directory: the cache holds the list the way the widget would have loaded it. */
const PAGE = 500;

const { users, roles } = makeDirectory(USERS);
const pages = <T,>(items: T[], size: number): InfiniteData<ListResponse<T>, string | undefined> => {
  const out: InfiniteData<ListResponse<T>, string | undefined> = { pages: [], pageParams: [] };
  for (let i = 0; i < items.length; i += size) {
    const more = i + size < items.length;
    out.pages.push({ result: items.slice(i, i + size), next_cursor: more ? `c${i + size}` : null });
    out.pageParams.push(i === 0 ? undefined : `c${i}`);
  }
  return out;
};

// Fresh forever, so nothing refetches; the keys are the package's own, with the picker's default filter.
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
queryClient.setQueryData<InfiniteData<ListResponse<UnifiedUser>>>(
  userDirectoryKeys.users({ status: 'active' }),
  pages(users, PAGE),
);
queryClient.setQueryData<InfiniteData<ListResponse<UnifiedRole>>>(
  userDirectoryKeys.roles(),
  pages(roles, 1000),
);

let networkCalls = 0;
const noNetwork: typeof fetch = async (input) => {
  networkCalls++;
  throw new Error(`benchmark page: unexpected request to ${String(input)}`);
};

const probe = installProbe();
const root = createRoot(document.getElementById('root')!);
const painted = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );

const api: BenchApi = {
  mount: async (variant: Variant) => {
    probe.setVariant(variant);
    flushSync(() =>
      root.render(
        <HarvestConnectProvider
          serverUrl="http://127.0.0.1:9"
          sessionToken="bench"
          fetch={noNetwork}
          queryClient={queryClient}
          theme="light"
          locale="en-GB"
        >
          {variant === 'virtualized' ? <UserPicker key="v" /> : <PlainPicker key="p" users={users} />}
        </HarvestConnectProvider>,
      ),
    );
    await painted();
  },
  waitForSamples: probe.waitForSamples,
  samples: probe.samples,
  networkCalls: () => networkCalls,
  options: () => {
    const options = document.querySelectorAll('[role="option"]');
    return { count: options.length, firstHtml: options[0]?.innerHTML ?? null };
  },
};
window.bench = api;
