import { mapPoints, pointsResponse } from '$lib/map/points.server';
import type { RequestHandler } from './$types';

export const GET = (async ({ fetch, request }) => pointsResponse(request, await mapPoints(fetch))) satisfies RequestHandler;
