/**
 * The letter's structure tree (tagged PDF), so that screen readers read it in order and know its
 * headings, paragraphs and list labels. Every piece of text drawn while tagging is on becomes a structure
 * element of the role in force (P unless a heading or label says otherwise), under one Document element;
 * page furniture (letterhead repeated on later pages, footer, page numbers) is marked as an artifact.
 */
import type { Doc } from './style';

type TextArgs = [string, (number | PDFKit.Mixins.TextOptions)?, number?, PDFKit.Mixins.TextOptions?];

interface TagState {
  readonly root: PDFKit.PDFStructureElement;
  role: string;
  artifact: boolean;
}

const STATES = new WeakMap<Doc, TagState>();

export function startTagging(doc: Doc): void {
  const root = doc.struct('Document');
  doc.addStructure(root);
  const state: TagState = { root, role: 'P', artifact: false };
  STATES.set(doc, state);
  const text = doc.text.bind(doc) as (...args: TextArgs) => Doc;
  const tagged = (...args: TextArgs): Doc => {
    const [str, a, b, c] = args;
    const positioned = typeof a === 'number';
    const options = (positioned ? c : a) ?? {};
    const withTag = state.artifact
      ? options
      : { structParent: state.root, structType: state.role, ...options };
    return positioned ? text(str, a, b, withTag) : text(str, withTag);
  };
  (doc as unknown as { text: typeof tagged }).text = tagged;
}

/** Draws with the given structure role: 'H1', 'H2', 'Lbl', … */
export function withRole(doc: Doc, role: string, draw: () => void): void {
  const state = STATES.get(doc);
  if (!state) return draw();
  const previous = state.role;
  state.role = role;
  try {
    draw();
  } finally {
    state.role = previous;
  }
}

/** Draws page furniture outside the structure tree, as a pagination artifact. */
export function asArtifact(doc: Doc, draw: () => void): void {
  const state = STATES.get(doc);
  if (!state) return draw();
  state.artifact = true;
  doc.markContent('Artifact', { type: 'Pagination' });
  try {
    draw();
  } finally {
    doc.endMarkedContent();
    state.artifact = false;
  }
}
