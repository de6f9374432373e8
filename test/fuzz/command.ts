/**
 * One fuzz command for fast-check's model-based runner: a name, generated parameters, a
 * precondition on the model and a step against the real server, followed by the checks
 * of every step (./checks-step.ts) and, every `checkEvery` steps, the periodic ones.
 * Must: a command is skipped once the run's request budget is spent; a failure names the
 * step and the command.
 */
import fc from 'fast-check';
import { afterStep } from './checks-step';
import type { Model } from './model';
import type { FuzzServer } from './server';

/** What a command does against the real server. */
export type Step<P> = (model: Model, server: FuzzServer, params: P) => Promise<void>;

/** The last command started (a failure report names it), and every command run so far. */
export const currentStep = { step: 0, command: '', ran: [] as string[] };

class FuzzCommand<P> implements fc.AsyncCommand<Model, FuzzServer> {
  constructor(
    private readonly name: string,
    private readonly params: P,
    private readonly step: Step<P>,
    private readonly can: (model: Model, params: P) => boolean,
  ) {}

  check(model: Model): boolean {
    return model.stats.requestTotal < model.budget && this.can(model, this.params);
  }

  async run(model: Model, server: FuzzServer): Promise<void> {
    model.step += 1;
    currentStep.step = model.step;
    currentStep.command = this.toString();
    currentStep.ran.push(currentStep.command);
    try {
      await this.step(model, server, this.params);
      await afterStep(model, server);
    } catch (error) {
      if (error instanceof Error) error.message = `step ${model.step} (${this}): ${error.message}`;
      throw error;
    }
  }

  toString(): string {
    return `${this.name} ${JSON.stringify(this.params)}`;
  }
}

/** A weighted command kind for `fc.oneof`. */
export function command<P>(
  name: string,
  weight: number,
  params: fc.Arbitrary<P>,
  step: Step<P>,
  can: (model: Model, params: P) => boolean = () => true,
): fc.WeightedArbitrary<fc.AsyncCommand<Model, FuzzServer>> {
  return {
    weight,
    arbitrary: params.map((p) => new FuzzCommand(name, p, step, can)),
  };
}

/** Which device of a list: any index, taken modulo the list's length when run. */
export const anyIndex = fc.nat({ max: 1_000 });
