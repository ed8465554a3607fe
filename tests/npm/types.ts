// Compiled with `tsc --strict` against the installed package: fails if the
// generated declarations are missing, loose (`any`) or wrong.
import { analyze, Analyzer } from "slant-wasm";
import type { Analysis, Entity, EntityMention, Mention, Cue, SentenceReport, MentionKind, CueKind } from "slant-wasm";

const analysis: Analysis = analyze("Xi Jinping, the dictator, met Joe Biden.");
const entity: Entity | undefined = analysis.entities[0];
if (entity) {
  const mention: EntityMention | undefined = entity.mentions[0];
  const kinds: MentionKind[] = entity.mentions.map((m) => m.kind);
  const polarity: "negative" | "neutral" | "positive" = entity.framing.polarity;
  const score: number = entity.framing.score;
  void [mention, kinds, polarity, score];
}
const cue: Cue | undefined = analysis.cues[0];
if (cue) {
  const target: number | null = cue.target;
  const kind: CueKind = cue.kind;
  void [target, kind];
}
const most: number | null = analysis.summary.most_negative;

// @ts-expect-error: the analysis has no such field (fails to compile if `analyze` returned `any`)
analysis.no_such_field;
// @ts-expect-error: a mention's kind is one of three words
const wrong: MentionKind = "adjective";

const analyzer = new Analyzer();
const reports: SentenceReport[] = analyzer.feed("One sentence. ");
const index: number | undefined = reports[0]?.index;
const reported: Mention[] = reports.flatMap((r) => r.mentions);
const whole: Analysis = analyzer.finish();
void [most, wrong, index, reported, whole];
