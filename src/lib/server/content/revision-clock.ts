import { commitCount, type Db } from '../db/connect';
import { feedCounters, type FeedCounters } from './revision';

/**
 * How long counters read from the database are trusted without asking again. Another app server's
 * write reaches this one's answers at most this long (plus one probe's round trip) after it
 * commits; this server's own writes reach them at once. See the README, "Caches and their bounds".
 */
export const REVISION_TTL_MS = 1000;

/** Where a clock gets its readings: the database, and this process's count of commits. */
export interface ClockSource {
	/** One small query for both counters. */
	probe(): Promise<FeedCounters>;
	/** Transactions this process has committed on the database; any change means "look again". */
	commits(): number;
	/** Milliseconds on a monotonic clock. */
	now(): number;
}

/**
 * The current revision (and delta floor) of one database, kept in memory so that answering "has
 * anything changed?" (a feed 304, a cached page) costs no query. A reading is used while it is
 * younger than the TTL and no transaction has committed here since it was taken; past half the TTL
 * a request starts one probe in the background, so steady traffic never waits for the database.
 * Concurrent readers share one probe, and a probe that began before a commit is never trusted
 * after it. Counters only move forward: an answer overtaken by a newer one cannot move them back.
 */
export class RevisionClock {
	private known: FeedCounters | undefined;
	private checkedAt = -Infinity;
	private checkedCommits = -1;
	private inflight: { commits: number; promise: Promise<FeedCounters> } | undefined;

	constructor(
		private readonly source: ClockSource,
		private readonly ttlMs = REVISION_TTL_MS
	) {}

	/** The counters when they are known to be current, without waiting; undefined: call read(). */
	peek(): FeedCounters | undefined {
		if (!this.known || this.source.commits() !== this.checkedCommits) return undefined;
		const age = this.source.now() - this.checkedAt;
		if (age >= this.ttlMs) return undefined;
		if (age >= this.ttlMs / 2) this.refresh().catch(() => undefined);
		return this.known;
	}

	/** The current counters, probing the database when the reading in memory cannot be trusted. */
	read(): Promise<FeedCounters> {
		const known = this.peek();
		return known ? Promise.resolve(known) : this.refresh();
	}

	private refresh(): Promise<FeedCounters> {
		const commits = this.source.commits();
		if (this.inflight?.commits === commits) return this.inflight.promise;
		// Taken before the query is sent, so the reading is never credited with more than it saw.
		const startedAt = this.source.now();
		const promise = this.source
			.probe()
			.then((counters) => this.accept(counters, startedAt, commits))
			.finally(() => {
				if (this.inflight?.promise === promise) this.inflight = undefined;
			});
		this.inflight = { commits, promise };
		return promise;
	}

	private accept(counters: FeedCounters, startedAt: number, commits: number): FeedCounters {
		this.known = {
			revision: Math.max(counters.revision, this.known?.revision ?? 0),
			floor: Math.max(counters.floor, this.known?.floor ?? 0)
		};
		// The newest probe decides how fresh the reading is: it began after more commits, or later.
		const newer =
			commits > this.checkedCommits ||
			(commits === this.checkedCommits && startedAt >= this.checkedAt);
		if (newer) {
			this.checkedAt = startedAt;
			this.checkedCommits = commits;
		}
		return this.known;
	}
}

const clocks = new WeakMap<Db, RevisionClock>();

/** The clock of one database handle (a store's `db`), created on first use. */
export function revisionClock(db: Db): RevisionClock {
	let clock = clocks.get(db);
	if (!clock) {
		clock = new RevisionClock({
			probe: () => feedCounters(db),
			commits: () => commitCount(db),
			now: () => performance.now()
		});
		clocks.set(db, clock);
	}
	return clock;
}
