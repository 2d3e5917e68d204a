import type { UtilizationResponse, UtilizationRow } from '@harvest-connect/protocol';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { formatDay, formatHours, formatPercent } from '../i18n/format';
import { useMessages } from '../i18n/useMessages';
import { useHarvestConnect } from '../provider/context';
import { useHarvestQueryClient } from '../provider/queryClientContext';
import { utilizationQueries } from '../queries/utilization';
import { Avatar } from '../user-picker/Avatar';
import { useRootProps } from '../utils/useRootProps';
import { groupUtilization } from './groupUtilization';
import { type UtilizationMessages, utilizationMessages } from './utilizationMessages';

/** Props of `UtilizationOverview`. */
export interface UtilizationOverviewProps {
  /** Any day of the week to show, `YYYY-MM-DD`; the current week by default. */
  week?: string;
  /** Drop our styling; class names stay. */
  unstyled?: boolean;
  /** Extra class names on the root. */
  className?: string;
}

function splitName(name: string) {
  const [first = '', ...rest] = name.split(' ');
  return { first_name: first, last_name: rest.join(' '), name };
}

function Group(props: {
  title: string;
  rows: UtilizationRow[];
  thresholds: UtilizationResponse['thresholds'];
  t: UtilizationMessages;
  locale: string | undefined;
}) {
  const { t, locale, thresholds } = props;
  const id = useId();
  if (props.rows.length === 0) return null;
  return (
    <table className="hc-utilization__group" aria-labelledby={id}>
      <caption id={id} className="hc-utilization__group-title">
        {props.title}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t.utilizationPerson}</th>
          <th scope="col" className="hc-utilization__num">
            {t.utilizationHours}
          </th>
          <th scope="col" className="hc-utilization__num">
            {t.utilizationCapacity}
          </th>
          <th scope="col">{t.utilizationPercent}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => {
          const flag = { over: t.utilizationOver, under: t.utilizationUnder, ok: t.utilizationOk }[row.flag];
          return (
            <tr key={row.user_id} className="hc-utilization__row" data-flag={row.flag}>
              <th scope="row" className="hc-utilization__person">
                <Avatar
                  user={{ ...splitName(row.name), avatar_url: row.avatar_url }}
                  className="hc-utilization__avatar"
                />
                <span className="hc-utilization__name">{row.name}</span>
              </th>
              <td className="hc-utilization__num">{formatHours(row.hours, locale)}</td>
              <td className="hc-utilization__num">{formatHours(row.capacity_hours, locale)}</td>
              <td className="hc-utilization__load">
                <meter
                  className="hc-utilization__meter"
                  min={0}
                  max={Math.max(1.5, row.utilization)}
                  low={thresholds.under}
                  high={thresholds.over}
                  optimum={(thresholds.under + thresholds.over) / 2}
                  value={row.utilization}
                  aria-label={`${row.name}: ${formatPercent(row.utilization, locale)}`}
                />
                <span className="hc-utilization__percent">{formatPercent(row.utilization, locale)}</span>
                <span className={`hc-badge hc-utilization__flag hc-utilization__flag--${row.flag}`}>
                  {flag}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * Hours logged against weekly capacity for each person of the Harvest account, with utilization and over- or
 * under-allocation flags; employees and contractors in separate groups.
 *
 * @example
 * <UtilizationOverview week="2026-11-30" />
 */
export function UtilizationOverview(props: UtilizationOverviewProps) {
  const t = useMessages(utilizationMessages);
  const { client, locale } = useHarvestConnect();
  const queryClient = useHarvestQueryClient();
  const root = useRootProps('hc-utilization', props.unstyled, props.className);
  const id = useId();
  const report = useQuery(utilizationQueries.week(client, props.week), queryClient);
  const data = report.data;
  const status = report.isPending
    ? 'loading'
    : report.isError
      ? 'error'
      : data?.result.length
        ? 'ready'
        : 'empty';
  const groups = groupUtilization(data?.result ?? []);

  return (
    <section {...root} data-state={status} aria-labelledby={`${id}-title`}>
      <header className="hc-utilization__header">
        <h3 id={`${id}-title`} className="hc-utilization__title">
          {t.utilizationTitle}
        </h3>
        {data ? (
          <p className="hc-utilization__week">
            {t.utilizationWeek(formatDay(data.week.from, locale), formatDay(data.week.to, locale))}
          </p>
        ) : null}
      </header>
      {status === 'loading' ? (
        <p className="hc-utilization__message" role="status">
          {t.utilizationLoading}
        </p>
      ) : status === 'error' ? (
        <div className="hc-utilization__message hc-utilization__message--error" role="alert">
          {t.utilizationError}{' '}
          <button type="button" className="hc-button" onClick={() => void report.refetch()}>
            {t.utilizationRetry}
          </button>
        </div>
      ) : status === 'empty' ? (
        <p className="hc-utilization__message">{t.utilizationEmpty}</p>
      ) : data ? (
        <>
          <Group
            title={t.utilizationEmployees}
            rows={groups.employees}
            thresholds={data.thresholds}
            t={t}
            locale={locale}
          />
          <Group
            title={t.utilizationContractors}
            rows={groups.contractors}
            thresholds={data.thresholds}
            t={t}
            locale={locale}
          />
        </>
      ) : null}
    </section>
  );
}
