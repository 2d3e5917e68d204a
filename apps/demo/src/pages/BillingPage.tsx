import { InvoiceStatusPanel } from '@harvest-connect/react';
import { NeedsHarvest } from '../components/NeedsHarvest';
import { Showcase } from '../components/Showcase';
import { invoiceSnippet } from './snippets';

/** Harvest invoices inside Acme, with "Record payment". */
export function BillingPage() {
  return (
    <>
      <h1>Billing</h1>
      <p className="lead">Invoice status from Harvest, and payments recorded without switching apps.</p>
      <Showcase
        title="Invoice status"
        description={<p>Open, overdue, paid and draft invoices; record a payment and the badge updates.</p>}
        code={invoiceSnippet}
      >
        <NeedsHarvest>
          <InvoiceStatusPanel defaultState="all" pageSize={10} />
        </NeedsHarvest>
      </Showcase>
    </>
  );
}
