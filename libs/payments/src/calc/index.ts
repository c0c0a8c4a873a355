export * from './payable';
export * from './voucher-checks';
export * from './reporting-schedule';
export * from './recovery';
