// A clock per CFA (issue 17 §3): in a shared sandbox, a CFA that moves time moves only its own dossiers and session;
// a CFA that never moved its clock follows the shared one, which only the admin moves.
import { clockFromState, DurationError, type Clock, type ClockState } from './clock.js';

/** What is persisted of the CFAs' own clocks, beside the shared clock's state (`ClockState.parCfa`). */
export type EtatsParCfa = Record<string, ClockState>;

/** A move of a clock, as the admin API and the CFA's clock endpoint accept it. */
export type Mouvement = { now: Date } | { advance: string };

export function deplacer(clock: Clock, mouvement: Mouvement): void {
  if ('now' in mouvement) clock.set(mouvement.now);
  else clock.advance(mouvement.advance);
}

export class HorlogesParCfa {
  private readonly propres = new Map<string, Clock>();

  constructor(private readonly partagee: () => Clock) {}

  /** The clock a CFA's requests run on: its own once it moved it, else the shared one. */
  pour(cfa: string): Clock {
    return this.propres.get(cfa) ?? this.partagee();
  }

  aSaPropre(cfa: string): boolean {
    return this.propres.has(cfa);
  }

  /** Moves one CFA's clock; the first move starts it from the shared clock's state. */
  deplacerPour(cfa: string, mouvement: Mouvement): Clock {
    let clock = this.propres.get(cfa);
    if (!clock) {
      clock = clockFromState(this.partagee().state());
      this.propres.set(cfa, clock);
    }
    deplacer(clock, mouvement);
    return clock;
  }

  /** Moves the shared clock and every CFA's own clock the same way (the admin moving "all"). */
  deplacerToutes(mouvement: Mouvement): void {
    // A bad duration throws before any clock moved.
    if ('advance' in mouvement) clockFromState({ kind: 'frozen', at: new Date(0).toISOString() }).advance(mouvement.advance);
    deplacer(this.partagee(), mouvement);
    for (const clock of this.propres.values()) deplacer(clock, mouvement);
  }

  etats(): EtatsParCfa {
    return Object.fromEntries([...this.propres].map(([cfa, clock]) => [cfa, clock.state()]));
  }

  vue(): Record<string, string> {
    return Object.fromEntries([...this.propres].map(([cfa, clock]) => [cfa, clock.now().toISOString()]));
  }

  restaurer(etats: EtatsParCfa | undefined): void {
    this.propres.clear();
    for (const [cfa, state] of Object.entries(etats ?? {})) this.propres.set(cfa, clockFromState(state));
  }

  vider(): void {
    this.propres.clear();
  }
}

export { DurationError };
