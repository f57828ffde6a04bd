import { Injectable } from '@nestjs/common';

/**
 * The flow shell's only source of time (the engine has none: time comes in every event). Tests and what-if
 * simulations move it forward and then fire due timers deterministically, instead of sleeping.
 */
@Injectable()
export class FlowClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock forward (or back) by `ms`; timers are not fired by this alone (see FlowTimers.fireDue). */
  advance(ms: number): Date {
    this.offsetMs += ms;
    return this.now();
  }
}
