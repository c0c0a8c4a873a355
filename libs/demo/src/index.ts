export { loadDemoData, DEFAULT_DEMO_DATA_DIR, isValidOrganisationsnummer } from './demo-data';
export { DemoLoader } from './demo-loader';
export type { DemoData } from './demo-data.types';
export { DemoPayments, loadDemoPayments, type DemoPaymentsFile } from './demo-payments';
