/**
 * Reports made to be huge, for `make bench` (issue: hostile and huge input): one paragraph of
 * ordinary report prose repeated to a size, and a Markdown table of many rows of figures.
 */
const TITLE = '2025年某市政府工作报告\n\n——2025年1月10日在某市第十七届人民代表大会第五次会议上\n\n市长  某某\n\n各位代表：\n\n';

/** Sentences of the kinds a review paragraph holds, with figures, cycled with a counter so no two are alike. */
function sentence(k: number): string {
  const kinds = [
    `全市地区生产总值增长${(k % 9) + 1}.${k % 10}%，第${k}项重点工程完成投资${100 + (k % 900)}亿元。`,
    `城镇新增就业${(k % 50) + 1}.${k % 10}万人，新建改建农村公路${(k % 800) + 100}公里，惠及群众${k}户。`,
    `社会消费品零售总额增长${(k % 7) + 2}%，实际利用外资${(k % 40) + 5}亿美元，进出口总额增长${(k % 12) + 1}.5%。`,
  ];
  return kinds[k % kinds.length];
}

/** A report whose body is one paragraph of about `bytes` bytes of UTF-8. */
export function oneParagraphReport(bytes: number): string {
  const parts: string[] = [TITLE];
  let size = Buffer.byteLength(TITLE);
  for (let k = 0; size < bytes; k++) {
    const s = sentence(k);
    parts.push(s);
    size += Buffer.byteLength(s);
  }
  return `${parts.join('')}\n`;
}

/** A report holding one Markdown table of `rows` rows of indicators. */
export function tableReport(rows: number): string {
  const lines = [TITLE, '一、主要指标\n', '| 指标 | 2024年 | 增长 |', '| --- | ---: | ---: |'];
  for (let k = 0; k < rows; k++) lines.push(`| 第${k + 1}项指标 | ${100 + (k % 900)}.${k % 10}亿元 | ${(k % 9) + 1}.${k % 10}% |`);
  return `${lines.join('\n')}\n`;
}
