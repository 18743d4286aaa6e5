import { join } from 'node:path';
import { readYamlFile, yamlError } from '../util/yaml-file.js';

export interface Topic {
  id: string;
  label: string;
  keywords: string[];
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
    topics.set(id, { id, label: String(value.label ?? id), keywords: value.keywords.map(String) });
  }
  return topics;
}

/** How many of a topic's keywords a text holds (each counted once). */
export function topicHits(text: string, topic: Topic): number {
  let hits = 0;
  for (const keyword of topic.keywords) if (text.includes(keyword)) hits++;
  return hits;
}
