import Testing

@testable import Stages

/// Extractions of small hand-written non-English pages whose furniture carries no English class names: teaser
/// blocks labelled in the page's language, bylines, datelines and category lines.
struct HTMLArticleExtractorNonEnglishTests {
    let extractor = HTMLArticleExtractor()

    /// A German article followed by a "Das könnte Sie auch interessieren" block of teasers whose excerpts hold
    /// more prose than the article; the title is repeated in a plain paragraph and the byline has no class.
    @Test func germanTeaserBlockBylineAndTitleAreDropped() {
        let html = """
            <!DOCTYPE html><html lang="de"><head><title>Stadtbibliothek verlängert Öffnungszeiten</title>
            <meta name="author" content="Anna Schmidt"></head>
            <body><div class="kopf"><ul class="hauptleiste"><li><a href="/">Startseite</a></li>
            <li><a href="/politik">Politik</a></li><li><a href="/kultur">Kultur</a></li>
            <li><a href="/sport">Sport</a></li></ul></div>
            <div id="inhalt"><div class="beitrag">
            <p class="titel">Stadtbibliothek verlängert Öffnungszeiten</p>
            <span class="klein">Von Anna Schmidt</span><br><span class="klein">12.03.2024, 10:15 Uhr</span>
            <p>Die Stadtbibliothek bleibt ab dem kommenden Monat werktags bis 21 Uhr geöffnet, nachdem eine Umfrage \
            gezeigt hatte, dass viele Leserinnen und Leser tagsüber keine Zeit für einen Besuch finden.</p>
            <p>Am Sonntag öffnet der Lesesaal künftig um zwölf Uhr, betreut von Ehrenamtlichen des Fördervereins, die \
            sich im Winter darauf vorbereitet haben.</p>
            <p><a href="/thema/kultur">Kultur</a>, <a href="/thema/stadt">Stadtleben</a></p>
            </div>
            <div class="kasten"><h3>Das könnte Sie auch interessieren</h3>
            <div class="eintrag"><a href="/a"><img src="/a.jpg"></a><p>Das Hallenbad im Westen der Stadt schließt im \
            Sommer für acht Wochen, weil die Lüftung erneuert werden muss, und die Schwimmvereine weichen in die \
            Nachbargemeinden aus, wo die Bahnen allerdings schon jetzt knapp sind …</p></div>
            <div class="eintrag"><a href="/b"><img src="/b.jpg"></a><p>Der neue Busfahrplan bringt ab Juni dichtere \
            Takte auf den Linien in die Vororte, dafür entfallen einige späte Fahrten am Wochenende, über die sich \
            Anwohner bereits bei der Stadtverwaltung beschwert haben …</p></div>
            <div class="eintrag"><a href="/c"><img src="/c.jpg"></a><p>Auf dem Marktplatz beginnen im April die \
            Bauarbeiten für den neuen Brunnen, der Wochenmarkt zieht deshalb vorübergehend auf den Parkplatz hinter \
            dem Rathaus, wie die Verwaltung mitteilte …</p></div>
            </div></div>
            <div class="fuss"><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></div>
            </body></html>
            """
        let article = extractor.extract(html: html, url: "https://zeitung.example/bibliothek")
        #expect(
            article.text == """
                Die Stadtbibliothek bleibt ab dem kommenden Monat werktags bis 21 Uhr geöffnet, nachdem eine Umfrage \
                gezeigt hatte, dass viele Leserinnen und Leser tagsüber keine Zeit für einen Besuch finden.

                Am Sonntag öffnet der Lesesaal künftig um zwölf Uhr, betreut von Ehrenamtlichen des Fördervereins, die \
                sich im Winter darauf vorbereitet haben.
                """
        )
        #expect(article.title == "Stadtbibliothek verlängert Öffnungszeiten")
        #expect(article.author == "Anna Schmidt")
        #expect(article.language == "de")
    }

    /// A Spanish article with a navigation menu, a "Te puede interesar" block nested inside the article's
    /// container, a comments section headed "Comentarios", and a publication line before the text.
    @Test func spanishRelatedBlockCommentsAndPublicationLineAreDropped() {
        let html = """
            <html lang="es"><head><meta property="og:title" content="El puerto reabre tras las reparaciones">
            </head><body>
            <div class="barra"><a href="/">Inicio</a> | <a href="/noticias">Noticias</a> | \
            <a href="/deportes">Deportes</a> | <a href="/opinion">Opinión</a></div>
            <div class="principal">
            <div class="nota">
            <div class="datos">Publicado el 05/10/2023 por Redacción</div>
            <p>El puerto volvió a abrir el martes después de seis semanas de obras, y los primeros barcos pesqueros \
            salieron antes del amanecer, con tripulaciones aliviadas por poder trabajar de nuevo.</p>
            <p>Los ingenieros reconstruyeron cuarenta metros del muelle, sustituyeron dos grúas y dragaron el canal \
            de entrada, que la tormenta había llenado de arena.</p>
            <div class="bloque"><h4>Te puede interesar</h4>
            <p>El ayuntamiento aprobó ayer el presupuesto del próximo año con los votos de la mayoría, tras una \
            sesión de más de cinco horas en la que la oposición presentó decenas de enmiendas …</p>
            <p>La feria del libro vuelve a la plaza mayor con más de ochenta casetas, presentaciones diarias y un \
            programa infantil que ocupará todas las mañanas del fin de semana …</p>
            </div>
            </div>
            <div class="zona"><h3>Comentarios (2)</h3>
            <p>Por fin, llevábamos meses esperando esta noticia y los pescadores lo estaban pasando muy mal.</p>
            <p>Espero que esta vez las obras aguanten el próximo temporal de invierno.</p></div>
            </div></body></html>
            """
        let article = extractor.extract(html: html, url: nil)
        #expect(
            article.text == """
                El puerto volvió a abrir el martes después de seis semanas de obras, y los primeros barcos pesqueros \
                salieron antes del amanecer, con tripulaciones aliviadas por poder trabajar de nuevo.

                Los ingenieros reconstruyeron cuarenta metros del muelle, sustituyeron dos grúas y dragaron el canal \
                de entrada, que la tormenta había llenado de arena.
                """
        )
        #expect(article.title == "El puerto reabre tras las reparaciones")
    }

    /// Label headings are recognised by their text in several languages and by their class names; ordinary
    /// headings and long headings that merely start like a label are not.
    @Test func furnitureHeadingsAreRecognisedByTextAndClass() {
        let html = """
            <html><body><h3>Leia também</h3><h3>Читайте также:</h3><h2>À lire aussi</h2>
            <h3 class="relatedpoststitle">Você pode gostar...</h3><h2 class="widget-title">Ähnliche Artikel</h2>
            <h2>Der Lesesaal</h2><h2>Comments from the minister on the new harbour rules and their cost</h2>
            <h3 class="title">Mehr Platz für Leser</h3></body></html>
            """
        let parsed = LibXMLHTMLParser.parse(Array(html.utf8), encoding: "UTF-8")
        let tree = parsed.tree
        let headings = (0..<tree.count).filter { tree.nodes[$0].tag.isHeading }
        let flags = headings.map { FurnitureHeadingMatcher.isFurnitureHeading($0, in: tree) }
        #expect(flags == [true, true, true, true, true, false, false, false])
    }
}
