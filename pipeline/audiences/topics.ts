import { join } from 'node:path';
import { readYamlFile, yamlError } from '../util/yaml-file.js';

export interface Topic {
  id: string;
  label: string;
  keywords: string[];
  /** Words holding a keyword that are not the topic (文化大革命 holds 文化): a keyword in them does not count. */
  except: string[];
}

export type Topics = Map<string, Topic>;

/** Reads templates/topics.yaml: each key a topic with a label and keywords. */
export async function readTopics(templatesDir: string): Promise<Topics> {
  const file = await readYamlFile(join(templatesDir, 'topics.yaml'));
  if (!file.data || typeof file.data !== 'object' || Array.isArray(file.data)) throw yamlError(file, [], 'topics.yaml must map topic names to {label, keywords}');
  const topics: Topics = new Map();
  for (const [id, value] of Object.entries(file.data as Record<string, any>)) {
    if (!value || typeof value !== 'object') throw yamlError(file, [id], `topic “${id}” needs a label and keywords`);
    if (!Array.isArray(value.keywords) || value.keywords.some((k: unknown) => typeof k !== 'string' && typeof k !== 'number')) {
      throw yamlError(file, [id, 'keywords'], `topic “${id}”: keywords must be a list of words`);
    }
    const except = value.except ?? [];
    if (!Array.isArray(except) || except.some((k: unknown) => typeof k !== 'string')) throw yamlError(file, [id, 'except'], `topic “${id}”: except must be a list of words`);
    const unknown = Object.keys(value).find((key) => !['label', 'keywords', 'except'].includes(key));
    if (unknown) throw yamlError(file, [id, unknown], `topic “${id}”: unknown setting “${unknown}”; a topic has label, keywords and except`);
    topics.set(id, { id, label: String(value.label ?? id), keywords: value.keywords.map(String), except: except.map(String) });
  }
  return topics;
}

/** The keywords of a topic a text holds, each once; those inside one of its `except` words do not count. */
export function topicKeywords(text: string, topic: Topic): string[] {
  const plain = topic.except.reduce((t, word) => t.replaceAll(word, '　'), text);
  return topic.keywords.filter((keyword) => plain.includes(keyword));
}

/** How many of a topic's keywords a text holds (each counted once). */
export function topicHits(text: string, topic: Topic): number {
  return topicKeywords(text, topic).length;
}
