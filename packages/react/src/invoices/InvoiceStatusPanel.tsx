import type { HarvestInvoiceState } from '@harvest-connect/protocol';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useMessages } from '../i18n/useMessages';
import { useHarvestConnect } from '../provider/context';
import { useHarvestQueryClient } from '../provider/queryClientContext';
import { invoiceQueries } from '../queries/invoices';
import { localDay } from '../utils/localDay';
import { useControllableState } from '../utils/useControllableState';
import { useRootProps } from '../utils/useRootProps';
import { InvoiceRow } from './InvoiceRow';
import { invoiceMessages } from './invoiceMessages';

/** The state filter: Harvest's states plus `overdue`; `all` sends no filter. */
export type InvoiceStateFilter = HarvestInvoiceState | 'overdue' | 'all';

/** Props of `InvoiceStatusPanel`. */
export interface InvoiceStatusPanelProps {
  /** Only this Harvest client's invoices. */
  clientId?: number;
  /** Only invoices with this Harvest project. */
  projectId?: number;
  /** State filter (controlled). */
  state?: InvoiceStateFilter;
  /** Initial state filter (uncontrolled); `all` by default. */
  defaultState?: InvoiceStateFilter;
  /** Called when the user changes the state filter. */
  onStateChange?: (state: InvoiceStateFilter) => void;
  /** Invoices per page (default 20). */
  pageSize?: number;
  /** Drop our styling; class names stay. */
  unstyled?: boolean;
  /** Extra class names on the root. */
  className?: string;
}

const FILTERS: InvoiceStateFilter[] = ['all', 'draft', 'open', 'overdue', 'paid', 'closed'];

/**
 * Invoices of the connected Harvest account with their state, amounts in the invoice's currency, payment history
 * and a form to record a payment; filter by state and page through with "Load more".
 *
 * @example
 * <InvoiceStatusPanel clientId={customer.harvestClientId} defaultState="overdue" />
 */
export function InvoiceStatusPanel(props: InvoiceStatusPanelProps) {
  const t = useMessages(invoiceMessages);
  const { client } = useHarvestConnect();
  const queryClient = useHarvestQueryClient();
  const root = useRootProps('hc-invoices', props.unstyled, props.className);
  const id = useId();
  const [state, setState] = useControllableState<InvoiceStateFilter>({
    value: props.state,
    defaultValue: props.defaultState ?? 'all',
    onChange: props.onStateChange,
  });
  const [expanded, setExpanded] = useState<number | null>(null);
  const [today] = useState(() => localDay());

  const list = useInfiniteQuery(
    invoiceQueries.list(client, {
      state: state === 'all' ? undefined : state,
      client_id: props.clientId,
      project_id: props.projectId,
      limit: props.pageSize ?? 20,
    }),
    queryClient,
  );
  const invoices = list.data?.pages.flatMap((p) => p.result) ?? [];
  const status = list.isPending
    ? 'loading'
    : list.isError && invoices.length === 0
      ? 'error'
      : invoices.length
        ? 'ready'
        : 'empty';
  const label = (s: InvoiceStateFilter) =>
    ({
      all: t.invoicesFilterAll,
      draft: t.invoiceStateDraft,
      open: t.invoiceStateOpen,
      overdue: t.invoiceStateOverdue,
      paid: t.invoiceStatePaid,
      closed: t.invoiceStateClosed,
    })[s];

  return (
    <section {...root} data-state={status} aria-labelledby={`${id}-title`}>
      <header className="hc-invoices__header">
        <h3 id={`${id}-title`} className="hc-invoices__title">
          {t.invoicesTitle}
        </h3>
        <label className="hc-invoices__filter" htmlFor={`${id}-state`}>
          <span className="hc-invoices__filter-label">{t.invoicesFilterLabel}</span>
          <select
            id={`${id}-state`}
            value={state}
            onChange={(e) => setState(e.target.value as InvoiceStateFilter)}
          >
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {label(f)}
              </option>
            ))}
          </select>
        </label>
      </header>
      {status === 'loading' ? (
        <p className="hc-invoices__message" role="status">
          {t.invoicesLoading}
        </p>
      ) : status === 'error' ? (
        <div className="hc-invoices__message hc-invoices__message--error" role="alert">
          {t.invoicesError}{' '}
          <button type="button" className="hc-button" onClick={() => void list.refetch()}>
            {t.invoicesRetry}
          </button>
        </div>
      ) : status === 'empty' ? (
        <p className="hc-invoices__message">{t.invoicesEmpty}</p>
      ) : (
        <table className="hc-invoices__table">
          <thead>
            <tr>
              <th scope="col">{t.invoiceNumber}</th>
              <th scope="col">{t.invoiceClient}</th>
              <th scope="col">{t.invoiceDueDate}</th>
              <th scope="col" className="hc-invoices__num">
                {t.invoiceAmount}
              </th>
              <th scope="col" className="hc-invoices__num">
                {t.invoiceDueAmount}
              </th>
              <th scope="col">{t.invoiceStatus}</th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((invoice) => (
              <InvoiceRow
                key={invoice.id}
                invoice={invoice}
                today={today}
                messages={t}
                expanded={expanded === invoice.id}
                onToggle={() => setExpanded((current) => (current === invoice.id ? null : invoice.id))}
              />
            ))}
          </tbody>
        </table>
      )}
      {list.isFetchNextPageError ? (
        <p className="hc-invoices__message hc-invoices__message--error" role="alert">
          {t.invoicesError}
        </p>
      ) : null}
      {list.hasNextPage ? (
        <button
          type="button"
          className="hc-button hc-invoices__more"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t.invoicesLoadMore}
        </button>
      ) : null}
    </section>
  );
}
