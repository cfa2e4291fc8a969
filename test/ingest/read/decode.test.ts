import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { decodeText } from "../../../loaders/ingest/read/decode.ts";

const text = "项目编号,企业名称,所属区\nGZ-P-0001,广州市天河区智造有限公司,天河区\nGZ-P-0002,䶮堃科技(广州)有限公司,黄埔区\n";

describe("decodeText", () => {
  test("should read plain UTF-8 as utf-8", () => {
    expect(decodeText(Buffer.from(text, "utf8"))).toEqual({ text, encoding: "utf-8", replaced: false });
  });

  test("should read pure ASCII as utf-8", () => {
    expect(decodeText(Buffer.from("a,b\n1,2\n"))).toEqual({ text: "a,b\n1,2\n", encoding: "utf-8", replaced: false });
  });

  test("should strip the UTF-8 BOM and report utf-8-bom", () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    expect(decodeText(buf)).toEqual({ text, encoding: "utf-8-bom", replaced: false });
  });

  test("should read GB18030 (including characters outside GBK) as gb18030", () => {
    const buf = iconv.encode(text, "gb18030");
    // The file is not valid UTF-8, so only the GB18030 path can give the text back.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(buf)).toThrow();
    expect(decodeText(buf)).toEqual({ text, encoding: "gb18030", replaced: false });
  });

  test("should read GBK bytes written by Excel on Chinese Windows as gb18030", () => {
    const gbkText = "统一社会信用代码,企业名称\n91440101MA5CXXXX1X,广州市越秀区测试有限公司\n";
    expect(decodeText(iconv.encode(gbkText, "gbk"))).toEqual({ text: gbkText, encoding: "gb18030", replaced: false });
  });

  test("should read UTF-16LE with its BOM and strip the BOM", () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodeText(buf)).toEqual({ text, encoding: "utf-16le", replaced: false });
  });

  test("should detect BOM-less UTF-16LE by its NUL bytes", () => {
    expect(decodeText(Buffer.from(text, "utf16le"))).toEqual({ text, encoding: "utf-16le", replaced: false });
  });

  test("should read mostly-GB18030 bytes with a stray invalid byte as gb18030 with replacements", () => {
    const before = "项目编号,企业名称\nGZ-P-0001,广州市天河区智造有限公司\n";
    const after = "GZ-P-0002,广州市黄埔区测试有限公司\n";
    const buf = Buffer.concat([iconv.encode(before, "gb18030"), Buffer.from([0xff]), iconv.encode(after, "gb18030")]);
    expect(decodeText(buf)).toEqual({ text: `${before}\uFFFD${after}`, encoding: "gb18030", replaced: true });
  });

  test("should read mostly-UTF-8 bytes with a pasted GBK fragment as utf-8 with replacements, not as GB18030 mojibake", () => {
    const before = "项目编号,企业名称\nGZ-P-0001,广州市天河区智造有限公司\nGZ-P-0002,";
    const after = "黄埔区测试有限公司\n";
    // 广州 in GBK is B9 E3 D6 DD: none of it is valid UTF-8, each byte becomes one U+FFFD.
    const buf = Buffer.concat([Buffer.from(before, "utf8"), iconv.encode("广州", "gbk"), Buffer.from(after, "utf8")]);
    expect(decodeText(buf)).toEqual({ text: `${before}\uFFFD\uFFFD\uFFFD\uFFFD${after}`, encoding: "utf-8", replaced: true });
  });

  test("should report replacements when a BOM-declared UTF-8 file holds invalid bytes", () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("a,"), Buffer.from([0xff]), Buffer.from("\n")]);
    expect(decodeText(buf)).toEqual({ text: "a,\uFFFD\n", encoding: "utf-8-bom", replaced: true });
  });

  test("should decode an empty buffer as empty utf-8", () => {
    expect(decodeText(Buffer.alloc(0))).toEqual({ text: "", encoding: "utf-8", replaced: false });
  });
});
