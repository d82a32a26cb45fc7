import { getStore } from '$lib/server/app';
import { planIcsResponse } from '$lib/server/feed/plan-ics-response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => planIcsResponse(getStore(), url);
