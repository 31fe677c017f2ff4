import { describe, expect, it } from 'vitest';
import { htmlPageText } from '../../privacy/index.ts';
import { savedPageParts } from './saved-page.ts';

/** The body an import makes of a saved page: its content area's text, line by line. */
const bodyLines = (html: string) => htmlPageText(savedPageParts(html).contentHtml).split('\n').map((l) => l.trim()).filter(Boolean);

// Saved pages in the markup of the CMSs county sites ran on, written for these tests: the outer
// containers hold the title, breadcrumbs, a 信息索引 table and page tools around the article.

/** TRS WCM (拓尔思): a 信息公开 detail page; the article in div.TRS_Editor inside td.bt_content inside div.content. */
const TRS_WCM = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>关于2019年度公共租赁住房租金标准的通知_通知公告_某某县住房和城乡建设局</title>
<meta name="ArticleTitle" content="关于2019年度公共租赁住房租金标准的通知">
<script type="text/javascript" src="../../images/jquery.js"></script>
<style>.bt_content{font-size:16px}</style></head>
<body>
<div class="header"><div class="logo"><img src="../../images/logo.png" alt="某某县住房和城乡建设局"></div></div>
<div class="nav"><ul><li><a href="../../">首页</a></li><li><a href="../../xxgk/">信息公开</a></li><li><a href="../../tzgg/">通知公告</a></li></ul></div>
<div class="content">
  <div class="position">当前位置：<a href="../../">首页</a> &gt; <a href="../">通知公告</a></div>
  <table width="100%" border="0" cellspacing="0" cellpadding="0" class="xxgk_table">
    <tr><td>索 引 号：</td><td>11450000MB0000000X/2019-00012</td><td>主题分类：</td><td>城乡建设、环境保护</td></tr>
    <tr><td>发布机构：</td><td>某某县住房和城乡建设局</td><td>成文日期：</td><td>2019年03月01日</td></tr>
    <tr><td>标　　题：</td><td colspan="3">关于2019年度公共租赁住房租金标准的通知</td></tr>
  </table>
  <table width="100%" border="0" cellspacing="0" cellpadding="0">
    <tr><td class="bt_title" align="center">关于2019年度公共租赁住房租金标准的通知</td></tr>
    <tr><td class="bt_time" align="center">发布时间：2019-03-01 09:30　来源：县住建局　【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</td></tr>
    <tr><td class="bt_content">
      <div id="zoom"><div class="TRS_Editor"><style type="text/css">.TRS_Editor P{margin-top:0}</style>
        <p style="text-indent: 2em;">各有关单位：</p>
        <p style="text-indent: 2em;">根据《公共租赁住房管理办法》，经县人民政府同意，现将2019年度公共租赁住房租金标准通知如下：</p>
        <p style="text-indent: 2em;">一、城区公共租赁住房租金标准为每月每平方米6元。</p>
        <p style="text-indent: 2em;">二、本通知自2019年4月1日起执行。</p>
        <p style="text-align: right;">某某县住房和城乡建设局</p>
        <p style="text-align: right;">2019年3月1日</p>
      </div></div>
    </td></tr>
    <tr><td class="bt_link" align="right"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></td></tr>
  </table>
</div>
<div class="footer"><p>主办单位：某某县住房和城乡建设局　地址：某某县人民路1号</p><p>网站标识码：4500000001　桂ICP备00000000号</p></div>
</body></html>`;

/** 大汉 Hanweb (jcms): the article in div#zoom between ContentStart/ContentEnd markers, the title in td.title, page tools below. */
const HANWEB = `<html><head><meta charset="gb2312"><title>某某县2020年农村危房改造工作实施方案 - 某某县人民政府</title>
<meta name="ContentSource" content="县住建局"><meta name="ColumnName" content="计划规划"></head>
<body>
<div id="top"><div class="topnav"><a href="/">首页</a> | <a href="/col/col1/">政务公开</a> | <a href="/col/col2/">政务服务</a> | <a href="/col/col3/">互动交流</a></div></div>
<div class="main-wrap">
 <div class="bt-position"><span>您现在的位置：</span><a href="/">首页</a> &gt;&gt; <a href="/col/col1/">政务公开</a> &gt;&gt; 计划规划</div>
 <div class="main-content">
  <table width="100%" cellpadding="0" cellspacing="0">
   <tr><td class="title" align="center">某某县2020年农村危房改造工作实施方案</td></tr>
   <tr><td align="center" class="bt-date">发布日期：2020-04-15　浏览次数：<script>document.write(1234)</script>　信息来源：县住建局</td></tr>
   <tr><td>
    <meta name="ContentStart"><div id="zoom">
     <p>为做好我县2020年农村危房改造工作，保障农村低收入群体住房安全，制定本方案。</p>
     <p><strong>一、目标任务</strong></p>
     <p>2020年完成农村危房改造300户，6月底前全部开工，10月底前全部竣工。</p>
     <p><strong>二、补助标准</strong></p>
     <p>对建档立卡贫困户等四类重点对象，每户补助2万元。</p>
    </div><meta name="ContentEnd">
   </td></tr>
   <tr><td align="right"><span class="tools"><a href="javascript:window.print()">打印本页</a>　<a href="javascript:window.close()">关闭窗口</a></span></td></tr>
  </table>
 </div>
</div>
<div id="bottom"><p>版权所有：某某县人民政府办公室</p><p>技术支持：大汉网络</p></div>
</body></html>`;

/** 拓尔思 (TRS) 政务公开 template: div.article-content inside div.article whose start repeats the title; share bar and related links. */
const TRS_ARTICLE = `<html><head><title>住建局召开安全生产工作会议</title></head><body>
<header class="site-header"><h1 class="site-name">某某县住房和城乡建设局</h1><nav><a href="/">首页</a><a href="/xxgk/">信息公开</a></nav></header>
<div class="container">
 <div class="crumbs"><a href="/">首页</a> &gt; <a href="/gzdt/">工作动态</a></div>
 <div class="article">
  <h2 class="article-title">住建局召开安全生产工作会议</h2>
  <div class="article-info"><span>发布时间：2021-06-02</span><span>来源：办公室</span><span>阅读次数：<em id="count">0</em></span></div>
  <div class="article-content">
   <p>住建局召开安全生产工作会议</p>
   <p>6月1日，县住建局召开全县建筑施工安全生产工作会议，通报今年以来全县建筑施工安全生产形势。</p>
   <p>会议要求，各施工企业要落实安全生产主体责任，开展隐患排查整治。</p>
  </div>
  <div class="article-share">分享到：<a href="#">微信</a><a href="#">微博</a></div>
  <div class="print-close"><a href="javascript:window.print()">[ 打印 ]</a><a href="javascript:window.close()">[ 关闭 ]</a></div>
 </div>
 <div class="related"><h3>相关链接</h3><ul><li><a href="/a.html">住建局开展消防安全检查</a></li><li><a href="/b.html">住建局召开党风廉政建设会议</a></li></ul></div>
</div>
<footer><p>某某县住房和城乡建设局 版权所有</p></footer>
</body></html>`;

/** A hand-made ASP.NET site without a known container (its <form> around the page): the article's paragraphs in a div among navigation and lists. */
const PLAIN = `<html><head><title>保障性住房分配结果公示</title></head><body><form id="form1" method="post" action="./show.aspx?id=88"><input type="hidden" name="__VIEWSTATE" value="/wEPDwUK" />
<div id="wrapper">
 <div class="left"><ul class="menu"><li><a href="/1">机构概况</a></li><li><a href="/2">政策法规</a></li><li><a href="/3">通知公告</a></li><li><a href="/4">办事指南</a></li></ul></div>
 <div class="right">
  <div class="bt">保障性住房分配结果公示</div>
  <div class="sj">2018-11-20</div>
  <div class="wz">
   <p>根据《某某县保障性住房管理办法》，经资格审核和公开摇号，2018年第二批保障性住房分配结果如下。</p>
   <p>公示期为2018年11月20日至11月26日。对公示结果有异议的，请在公示期内向县住建局住房保障股反映。</p>
   <p>联系电话：0771-1234567</p>
  </div>
 </div>
</div>
<div class="copyright">Copyright 某某县住房和城乡建设局</div>
</form></body></html>`;

/** An editor that wraps each paragraph in its own div, in a container without a known name. */
const WRAPPED = `<html><head><title>2021年城市建设工作要点 - 某某县住房和城乡建设局</title></head><body>
<div class="top"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<div class="w1200">
 <div class="lm">政策文件</div>
 <div class="xl">
  <div class="xl-tit">2021年城市建设工作要点</div>
  <div class="xl-nr">
   <div><p>一、加快推进老旧小区改造。全年改造老旧小区12个，惠及居民2300户。</p></div>
   <div><p>二、完善市政基础设施。新建改造城市道路8公里，雨污分流管网15公里。</p></div>
   <div><p>三、提升城市管理水平。推进数字城管平台建设。</p></div>
  </div>
 </div>
</div>
</body></html>`;

/** A 住建局 公示 in a 开普云-style template: a short lead, the 名单 as a table, a closing line, and 上一篇/下一篇 below. */
const GONGSHI = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>2025年第一批公共租赁住房配租名单公示-某某县住房和城乡建设局</title></head><body>
<div class="head"><div class="logo">某某县住房和城乡建设局</div></div>
<div class="container">
 <div class="dqwz">当前位置：首页 &gt; 通知公告</div>
 <h1 class="tit">2025年第一批公共租赁住房配租名单公示</h1>
 <div class="fbxx">发布时间：2025-03-12　来源：住房保障股</div>
 <div class="article-body">
  <p style="text-indent:2em"><span style="font-family:仿宋_GB2312;font-size:16pt">经审核，以下5户符合配租条件，现予公示：</span></p>
  <table border="1" cellspacing="0" cellpadding="0" width="600" style="border-collapse:collapse">
   <tbody>
    <tr><th style="width:60px">序号</th><th>姓名</th><th>家庭人口</th><th>月租金（元）</th></tr>
    <tr><td>1</td><td>张某某</td><td>3</td><td>320</td></tr>
    <tr><td>2</td><td>李某某</td><td>2</td><td>240</td></tr>
    <tr><td>3</td><td>王某某</td><td>4</td><td>380</td></tr>
    <tr><td>4</td><td>赵某某</td><td>1</td><td>160</td></tr>
   </tbody>
  </table>
  <p style="text-indent:2em">公示期7天，联系电话：0771-1234567。</p>
 </div>
 <div class="prev-next"><p>上一篇：<a href="./t20250301_1.html">关于开展房屋安全隐患排查的通知</a></p><p>下一篇：<a href="./t20250320_3.html">住建局召开安全生产工作会议</a></p></div>
</div>
<div class="foot">版权所有：某某县住房和城乡建设局</div>
</body></html>`;

describe('a saved page of an old site', () => {
  it('TRS WCM: the 正文 is the TRS_Editor text, without the 信息索引 table, the title, the dates and the page tools', () => {
    const { title } = savedPageParts(TRS_WCM);
    expect(title).toBe('关于2019年度公共租赁住房租金标准的通知');
    expect(bodyLines(TRS_WCM)).toEqual([
      '各有关单位：',
      '根据《公共租赁住房管理办法》，经县人民政府同意，现将2019年度公共租赁住房租金标准通知如下：',
      '一、城区公共租赁住房租金标准为每月每平方米6元。',
      '二、本通知自2019年4月1日起执行。',
      '某某县住房和城乡建设局',
      '2019年3月1日',
    ]);
  });

  it('大汉 Hanweb: the 正文 is div#zoom, without the title cell, the date line and 打印本页 关闭窗口', () => {
    expect(savedPageParts(HANWEB).title).toBe('某某县2020年农村危房改造工作实施方案');
    expect(bodyLines(HANWEB)).toEqual([
      '为做好我县2020年农村危房改造工作，保障农村低收入群体住房安全，制定本方案。',
      '一、目标任务',
      '2020年完成农村危房改造300户，6月底前全部开工，10月底前全部竣工。',
      '二、补助标准',
      '对建档立卡贫困户等四类重点对象，每户补助2万元。',
    ]);
  });

  it('拓尔思 article template: the innermost container, and the title dropped where the body starts with it', () => {
    expect(savedPageParts(TRS_ARTICLE).title).toBe('住建局召开安全生产工作会议');
    expect(bodyLines(TRS_ARTICLE)).toEqual([
      '6月1日，县住建局召开全县建筑施工安全生产工作会议，通报今年以来全县建筑施工安全生产形势。',
      '会议要求，各施工企业要落实安全生产主体责任，开展隐患排查整治。',
    ]);
  });

  it('without a known container: the block with the most paragraph text, not the menu, the title or the footer', () => {
    expect(savedPageParts(PLAIN).title).toBe('保障性住房分配结果公示');
    expect(bodyLines(PLAIN)).toEqual([
      '根据《某某县保障性住房管理办法》，经资格审核和公开摇号，2018年第二批保障性住房分配结果如下。',
      '公示期为2018年11月20日至11月26日。对公示结果有异议的，请在公示期内向县住建局住房保障股反映。',
      '联系电话：0771-1234567',
    ]);
  });

  it('paragraphs wrapped one per div are one article, not its longest paragraph', () => {
    expect(savedPageParts(WRAPPED).title).toBe('2021年城市建设工作要点');
    expect(bodyLines(WRAPPED)).toEqual([
      '一、加快推进老旧小区改造。全年改造老旧小区12个，惠及居民2300户。',
      '二、完善市政基础设施。新建改造城市道路8公里，雨污分流管网15公里。',
      '三、提升城市管理水平。推进数字城管平台建设。',
    ]);
  });

  it('an element named zoom that is only the font-size control is not taken for the article', () => {
    const page = PLAIN.replace('<div class="sj">2018-11-20</div>', '<div class="sj">2018-11-20 <span class="zoom">字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>');
    expect(bodyLines(page)).toEqual(bodyLines(PLAIN));
    expect(bodyLines(page)).toHaveLength(3);
  });

  it('a page that is only text keeps it', () => {
    expect(bodyLines('<html><body><p>第一段。</p><p>第二段。</p></body></html>')).toEqual(['第一段。', '第二段。']);
  });

  it('an article that is mostly a table (a 公示名单) keeps its table, in a container named article-body or none, without 上一篇/下一篇', () => {
    for (const page of [GONGSHI, GONGSHI.replace('class="article-body"', 'class="gs-wrap"')]) {
      const { title, contentHtml } = savedPageParts(page);
      expect(title).toBe('2025年第一批公共租赁住房配租名单公示');
      expect(contentHtml).toBe(
        '<p>经审核，以下5户符合配租条件，现予公示：</p>'
          + '<table><tbody><tr><th>序号</th><th>姓名</th><th>家庭人口</th><th>月租金（元）</th></tr><tr><td>1</td><td>张某某</td><td>3</td><td>320</td></tr>'
          + '<tr><td>2</td><td>李某某</td><td>2</td><td>240</td></tr><tr><td>3</td><td>王某某</td><td>4</td><td>380</td></tr><tr><td>4</td><td>赵某某</td><td>1</td><td>160</td></tr></tbody></table>'
          + '<p>公示期7天，联系电话：0771-1234567。</p>',
      );
    }
  });

  it('a table keeps its merged cells and a paragraph its alignment; styles, scripts and links to the old site are dropped', () => {
    const page = `<html><body><div class="TRS_Editor"><p align="center"><b>某某小区棚户区改造项目征收补偿汇总表</b></p>
<table class="MsoNormalTable"><tr><td rowspan="2" style="width:80px">户主</td><td colspan="2"><p class="MsoNormal">补偿金额（万元）</p></td></tr><tr><td>房屋</td><td>装修</td></tr>
<tr><td onclick="alert(1)">陈某</td><td>35.6</td><td>4.2</td></tr></table>
<p style="text-align:right"><a href="../../xxgk/index.html">某某县房屋征收办公室</a></p><script>var a=1;</script></div></body></html>`;
    expect(savedPageParts(page).contentHtml).toBe(
      '<p class="center"><b>某某小区棚户区改造项目征收补偿汇总表</b></p>'
        + '<table><tbody><tr><td rowspan="2">户主</td><td colspan="2"><p>补偿金额（万元）</p></td></tr><tr><td>房屋</td><td>装修</td></tr><tr><td>陈某</td><td>35.6</td><td>4.2</td></tr></tbody></table>'
        + '<p class="right">某某县房屋征收办公室</p>',
    );
  });

  it('a table of documents with 文号 and 发布日期 columns is the article\'s, not a 信息索引 table', () => {
    const page = '<html><body><h1>规范性文件清理结果</h1><div class="zoom"><p>经清理，以下文件继续有效：</p><table><tr><th>文件名称</th><th>文号</th><th>发布日期</th></tr><tr><td>某某县公共租赁住房管理办法</td><td>岚政办〔2019〕12号</td><td>2019-03-01</td></tr></table></div></body></html>';
    expect(bodyLines(page)).toEqual(['经清理，以下文件继续有效：', '文件名称\t文号\t发布日期', '某某县公共租赁住房管理办法\t岚政办〔2019〕12号\t2019-03-01']);
  });

  it('a 图片新闻 whose article is only a picture: the named container is the article, its picture listed, not the navigation', () => {
    const page = '<html><head><title>县领导调研保障性住房建设</title></head><body><div class="nav">首页</div><div class="TRS_Editor"><p><img src="a.jpg"></p></div></body></html>';
    expect(savedPageParts(page)).toEqual({ title: '县领导调研保障性住房建设', contentHtml: '', images: ['a.jpg'] });
    const withText = page.replace('<p><img src="a.jpg"></p>', '<p style="text-align:center"><img src="./W020250210.jpg" width="600"></p><p>2月10日，县领导到城东保障房项目调研。</p>');
    expect(savedPageParts(withText)).toMatchObject({ contentHtml: '<p>2月10日，县领导到城东保障房项目调研。</p>', images: ['./W020250210.jpg'] });
  });

  it('the date and source lines at the start of the article are left out', () => {
    const page = '<html><head><title>关于2025年住房公积金缴存基数调整的通知</title></head><body><div class="detail"><h2>关于2025年住房公积金缴存基数调整的通知</h2><p class="date">2025-02-10</p><p>各缴存单位：根据有关规定，现将2025年度住房公积金缴存基数调整有关事项通知如下。</p><p>一、缴存基数为职工本人上一年度月平均工资。</p></div></body></html>';
    expect(bodyLines(page)).toEqual(['各缴存单位：根据有关规定，现将2025年度住房公积金缴存基数调整有关事项通知如下。', '一、缴存基数为职工本人上一年度月平均工资。']);
    const sourceLine = page.replace('<p class="date">2025-02-10</p>', '<p>发布日期：2025-08-01　来源：住房保障股　【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</p>');
    expect(bodyLines(sourceLine)).toEqual(bodyLines(page));
    // A line of the article that names a date in a sentence stays.
    const kept = page.replace('<p class="date">2025-02-10</p>', '<p>发布日期：2025年2月10日起，新的缴存基数开始执行。</p>');
    expect(bodyLines(kept)[0]).toBe('发布日期：2025年2月10日起，新的缴存基数开始执行。');
    const meeting = page.replace('<p class="date">2025-02-10</p>', '<p>时间：2025年3月1日上午9时</p>');
    expect(bodyLines(meeting)[0]).toBe('时间：2025年3月1日上午9时');
  });
});
