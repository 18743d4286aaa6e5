import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { OptionError, readCommand, readOptions } from '../../pipeline/cli/options.js';
import { describeStage, clock } from '../../pipeline/batch/progress.js';

describe('the command line', () => {
  it('builds with no argument; --help, -h, help and audiences are commands', () => {
    expect(readCommand([])).toBe('build');
    for (const a of ['--help', '-h', 'help']) expect(readCommand([a])).toBe('help');
    expect(readCommand(['audiences'])).toBe('audiences');
  });

  it('rejects any other argument, saying what it takes', () => {
    expect(() => readCommand(['SOURCE=x'])).toThrow(OptionError);
    expect(() => readCommand(['--help', 'audiences'])).toThrow('unknown argument “--help” “audiences”; the command takes --help or audiences');
  });
});

describe('options from the environment', () => {
  it('reads FORMATS, PUBLICATIONS and JOBS', () => {
    const options = readOptions({ FORMATS: 'docx', PUBLICATIONS: ' summary ', JOBS: '3' });
    expect(options).toMatchObject({ command: 'build', formats: ['docx'], publications: 'summary', jobs: 3 });
    expect(readOptions({})).toMatchObject({ formats: ['pdf', 'docx', 'html'], publications: undefined, jobs: availableParallelism() });
  });

  it('reads SOURCE_DATE_EPOCH as seconds, and rejects anything else', () => {
    expect(readOptions({ SOURCE_DATE_EPOCH: '1520000000' }).sourceDateEpoch).toBe(1520000000);
    expect(readOptions({ SOURCE_DATE_EPOCH: '' }).sourceDateEpoch).toBeUndefined();
    expect(() => readOptions({ SOURCE_DATE_EPOCH: '2018-03-01' })).toThrow('SOURCE_DATE_EPOCH=2018-03-01: give whole seconds since 1970');
  });

  it('rejects a JOBS that is not a whole number of threads', () => {
    for (const jobs of ['0', '-1', '1.5', 'two']) expect(() => readOptions({ JOBS: jobs }), jobs).toThrow(`JOBS=${jobs}: give a whole number of threads, 1 or more`);
  });
});

describe('progress in words', () => {
  it('names a stage as a person would read it, and a time as m:ss', () => {
    expect(describeStage('pdf brief-media')).toBe('brief-media: laying out');
    expect(describeStage('docx summary')).toBe('summary: writing DOCX');
    expect(describeStage('read')).toBe('reading');
    expect(clock(75.4)).toBe('1:15');
    expect(clock(5)).toBe('0:05');
  });
});
