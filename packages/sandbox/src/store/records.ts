import type {
  HarvestApprovalStatus,
  HarvestBaseAccessRole,
  HarvestBillBy,
  HarvestBudgetBy,
  HarvestCompany,
  HarvestInvoiceEventType,
  HarvestInvoiceState,
} from '@harvest-connect/protocol';

/** Internal records: timestamps are epoch ms; serializers turn them into Harvest JSON. */
export interface Stamped {
  id: number;
  createdAt: number;
  updatedAt: number;
}

export interface UserRecord extends Stamped {
  identityId: number;
  firstName: string;
  lastName: string;
  email: string;
  telephone: string;
  timezone: string;
  hasAccessToAllFutureProjects: boolean;
  isContractor: boolean;
  isActive: boolean;
  weeklyCapacity: number;
  defaultHourlyRate: number | null;
  costRate: number | null;
  /** Base access role plus optional manager permissions. */
  accessRole: HarvestBaseAccessRole;
  extraAccessRoles: string[];
  /** People a manager manages (`/users/{id}/teammates`); empty for others. */
  teammateIds: number[];
  avatarSeed: number;
}

export interface RoleRecord extends Stamped {
  name: string;
  userIds: number[];
}

export interface RateRecord extends Stamped {
  userId: number;
  amount: number;
  startDate: string | null;
}

export interface ClientRecord extends Stamped {
  name: string;
  isActive: boolean;
  address: string | null;
  statementKey: string;
  currency: string;
}

export interface ProjectRecord extends Stamped {
  clientId: number;
  name: string;
  code: string | null;
  isActive: boolean;
  isBillable: boolean;
  isFixedFee: boolean;
  billBy: HarvestBillBy;
  hourlyRate: number | null;
  budgetBy: HarvestBudgetBy;
  budgetIsMonthly: boolean;
  budget: number | null;
  costBudget: number | null;
  costBudgetIncludeExpenses: boolean;
  notifyWhenOverBudget: boolean;
  overBudgetNotificationPercentage: number;
  showBudgetToAll: boolean;
  fee: number | null;
  notes: string | null;
  startsOn: string | null;
  endsOn: string | null;
}

export interface TaskRecord extends Stamped {
  name: string;
  billableByDefault: boolean;
  defaultHourlyRate: number | null;
  isDefault: boolean;
  isActive: boolean;
}

export interface UserAssignmentRecord extends Stamped {
  projectId: number;
  userId: number;
  isActive: boolean;
  isProjectManager: boolean;
  useDefaultRates: boolean;
  hourlyRate: number | null;
  budget: number | null;
}

export interface TaskAssignmentRecord extends Stamped {
  projectId: number;
  taskId: number;
  isActive: boolean;
  billable: boolean;
  hourlyRate: number | null;
  budget: number | null;
}

export interface ExternalReferenceRecord {
  id: string;
  groupId: string | null;
  accountId: string | null;
  permalink: string;
  service: string | null;
  serviceIconUrl: string | null;
}

/** A time entry in full. Seeded entries live packed in a table and are expanded to this on demand. */
export interface TimeEntryRecord extends Stamped {
  userId: number;
  projectId: number;
  taskId: number;
  spentDate: string;
  /** Hours tracked before the timer last started. */
  hoursWithoutTimer: number;
  /** Epoch ms when running, else null. */
  timerStartedAt: number | null;
  /** Minutes since midnight (timestamp mode). */
  startedTime: number | null;
  endedTime: number | null;
  notes: string | null;
  isLocked: boolean;
  lockedReason: string | null;
  approvalStatus: HarvestApprovalStatus;
  isBilled: boolean;
  invoiceId: number | null;
  externalReference: ExternalReferenceRecord | null;
  billable: boolean;
}

export interface LineItemRecord {
  id: number;
  projectId: number | null;
  kind: string;
  description: string;
  quantity: number;
  unitPrice: number;
  taxed: boolean;
  taxed2: boolean;
}

export interface InvoiceRecord extends Stamped {
  clientId: number;
  creatorId: number;
  clientKey: string;
  number: string;
  purchaseOrder: string;
  tax: number | null;
  tax2: number | null;
  discount: number | null;
  subject: string;
  notes: string;
  state: HarvestInvoiceState;
  periodStart: string | null;
  periodEnd: string | null;
  issueDate: string;
  dueDate: string;
  paymentTerm: string;
  paymentOptions: string[];
  sentAt: number | null;
  paidAt: number | null;
  paidDate: string | null;
  closedAt: number | null;
  currency: string;
  lineItems: LineItemRecord[];
}

export interface PaymentRecord extends Stamped {
  invoiceId: number;
  amount: number;
  paidAt: number;
  paidDate: string;
  recordedBy: string;
  recordedByEmail: string;
  notes: string;
  transactionId: string | null;
}

export interface MessageRecord extends Stamped {
  invoiceId: number;
  sentBy: string;
  sentByEmail: string;
  recipients: Array<{ name: string; email: string }>;
  subject: string | null;
  body: string | null;
  attachPdf: boolean;
  sendMeACopy: boolean;
  thankYou: boolean;
  eventType: HarvestInvoiceEventType | null;
  reminder: boolean;
  sendReminderOn: string | null;
}

export interface ExpenseCategoryRecord extends Stamped {
  name: string;
  unitPrice: number | null;
  unitName: string | null;
}

export interface ExpenseRecord extends Stamped {
  userId: number;
  projectId: number;
  categoryId: number;
  spentDate: string;
  notes: string | null;
  units: number | null;
  totalCost: number;
  billable: boolean;
  isLocked: boolean;
  isBilled: boolean;
  invoiceId: number | null;
  approvalStatus: HarvestApprovalStatus;
}

/** The company settings; `Company` is served as is. */
export type CompanyRecord = HarvestCompany;
