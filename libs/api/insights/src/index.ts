export * from './lib/insights.types';
export * from './lib/insights.module';
export * from './lib/aggregates/columns';
export * from './lib/aggregates/trend-queries';
export * from './lib/suppression/count-network';
export * from './lib/views/periods';
export * from './lib/views/trends-view';
export * from './lib/views/ko41b-view';
export { AUDITED_ICBS_SETTING } from './lib/insights-reader';
