import type { HarvestBillBy, HarvestBudgetBy } from '@harvest-connect/protocol';
import { isoDate } from '../core/dates';
import { daysAgo, type SeedContext } from './context';
import { COMPANY_SUFFIXES, COMPANY_WORDS, PROJECT_KINDS, TASK_NAMES } from './names';

/** Who may book time where: the input the time-entry generator needs. */
export interface WorkPlan {
  /** Active task ids per project. */
  projectTasks: Map<number, number[]>;
  /** Project ids per user (active assignments). */
  userProjects: Map<number, number[]>;
  /** Client id per project. */
  projectClient: Map<number, number>;
}

/**
 * Adds tasks, clients, projects and both kinds of assignments.
 *
 * @example
 * const plan = seedWork(ctx, userIds, 6);
 */
export function seedWork(ctx: SeedContext, userIds: number[], clientCount: number): WorkPlan {
  const { rng, ids, account } = ctx;
  const plan: WorkPlan = { projectTasks: new Map(), userProjects: new Map(), projectClient: new Map() };
  const taskIds = TASK_NAMES.map((name, i) => {
    const id = ids.next('task');
    const at = daysAgo(ctx, 420 - i);
    const billable = !['Meetings', 'Business Development', 'Travel'].includes(name);
    account.tasks.set(id, {
      id,
      name,
      billableByDefault: billable,
      defaultHourlyRate: billable ? 100 : 0,
      isDefault: i < 4,
      isActive: i !== TASK_NAMES.length - 1,
      createdAt: at,
      updatedAt: at,
    });
    return id;
  });
  const projectIds: number[] = [];
  for (let c = 0; c < clientCount; c++) {
    const clientId = ids.next('client');
    const at = daysAgo(ctx, 380 - Math.floor((c * 300) / clientCount));
    const word = COMPANY_WORDS[c % COMPANY_WORDS.length]!;
    const suffix = COMPANY_SUFFIXES[Math.floor(c / COMPANY_WORDS.length) % COMPANY_SUFFIXES.length]!;
    const round = Math.floor(c / (COMPANY_WORDS.length * COMPANY_SUFFIXES.length));
    const name = `${word} ${suffix}${round > 0 ? ` ${round + 1}` : ''}`;
    account.clients.set(clientId, {
      id: clientId,
      name,
      isActive: c % 9 !== 8,
      address: `${rng.int(1, 999)} ${word} Street\nSpringfield`,
      statementKey: rng.hex(32),
      currency: c % 7 === 6 ? 'EUR' : 'USD',
      createdAt: at,
      updatedAt: at,
    });
    const count = rng.int(1, 3);
    for (let p = 0; p < count; p++) {
      const projectId = ids.next('project');
      const kind = rng.pick(PROJECT_KINDS);
      const billable = kind !== 'Security Audit' || rng.chance(0.5);
      const budgetBy: HarvestBudgetBy = rng.pick(['project', 'project_cost', 'task', 'person', 'none']);
      const billBy: HarvestBillBy = billable ? rng.pick(['Project', 'Tasks', 'People']) : 'none';
      const pAt = at + (p + 1) * 86_400_000;
      account.projects.set(projectId, {
        id: projectId,
        clientId,
        name: kind,
        code: `${word.slice(0, 2).toUpperCase()}${projectId % 1000}`,
        isActive: c % 9 !== 8 && rng.chance(0.9),
        isBillable: billable,
        isFixedFee: kind === 'Retainer',
        billBy,
        hourlyRate: billBy === 'Project' ? 100 + rng.int(0, 8) * 10 : null,
        budgetBy,
        budgetIsMonthly: kind === 'Retainer',
        budget: budgetBy === 'project' ? rng.int(4, 40) * 25 : null,
        costBudget: budgetBy === 'project_cost' ? rng.int(10, 90) * 1000 : null,
        costBudgetIncludeExpenses: false,
        notifyWhenOverBudget: rng.chance(0.5),
        overBudgetNotificationPercentage: 80,
        showBudgetToAll: false,
        fee: kind === 'Retainer' ? 5000 : null,
        notes: rng.chance(0.3) ? 'Kick-off held; see shared drive.' : null,
        startsOn: isoDate(pAt),
        endsOn: null,
        createdAt: pAt,
        updatedAt: pAt,
      });
      plan.projectClient.set(projectId, clientId);
      projectIds.push(projectId);
      const tasks = [...taskIds].sort(() => rng.next() - 0.5).slice(0, rng.int(3, 6));
      plan.projectTasks.set(projectId, tasks);
      for (const taskId of tasks) {
        const id = ids.next('taskAssignment');
        const task = account.tasks.get(taskId)!;
        account.taskAssignments.set(id, {
          id,
          projectId,
          taskId,
          isActive: true,
          billable: billable && task.billableByDefault,
          hourlyRate: task.defaultHourlyRate,
          budget: null,
          createdAt: pAt,
          updatedAt: pAt,
        });
      }
    }
  }
  for (const userId of userIds) {
    const user = account.users.get(userId)!;
    const mine = new Set<number>();
    const want = user.accessRole === 'member' ? rng.int(2, 3) : rng.int(2, 4);
    while (mine.size < Math.min(want, projectIds.length)) mine.add(rng.pick(projectIds));
    plan.userProjects.set(userId, [...mine]);
    for (const projectId of mine) {
      const id = ids.next('userAssignment');
      const at = Math.max(user.createdAt, account.projects.get(projectId)!.createdAt);
      account.userAssignments.set(id, {
        id,
        projectId,
        userId,
        isActive: true,
        isProjectManager: user.accessRole !== 'member',
        useDefaultRates: true,
        hourlyRate: user.defaultHourlyRate,
        budget: null,
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  return plan;
}
