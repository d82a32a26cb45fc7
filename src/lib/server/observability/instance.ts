import { createMetrics, type Metrics } from './metrics';

let metrics: Metrics | undefined;

/** This process's metrics, created on first use (tests make their own with createMetrics). */
export function appMetrics(): Metrics {
	metrics ??= createMetrics();
	return metrics;
}
