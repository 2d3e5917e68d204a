import { UtilizationOverview } from '@harvest-connect/react';
import { NeedsHarvest } from '../components/NeedsHarvest';
import { Showcase } from '../components/Showcase';
import { utilizationSnippet } from './snippets';

/** The team's week from Harvest: billable and total hours against capacity. */
export function UtilizationPage() {
  return (
    <>
      <h1>Utilization</h1>
      <p className="lead">How the team's week went, straight from Harvest's time entries.</p>
      <Showcase
        title="Utilization overview"
        description={<p>Per person: billable hours, total hours and capacity for the week.</p>}
        code={utilizationSnippet}
      >
        <NeedsHarvest>
          <UtilizationOverview />
        </NeedsHarvest>
      </Showcase>
    </>
  );
}
