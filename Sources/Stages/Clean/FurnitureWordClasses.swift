/// Word classes of news-page furniture in several languages, for the line model's vocabulary features.
///
/// Each class is a general vocabulary (what captions, bylines, source notes, share bars or press-release blocks are
/// made of), in English, French, German, Spanish, Italian, Portuguese and Dutch; no class holds one site's name.
/// One look-up returns every class a word belongs to, as a bit mask, so a line's words are looked up once each.
///
/// # Cost
/// An open-addressing table of word hashes (see ``BoilerplateWordHash``) built once; a look-up is one or two probes.
struct FurnitureWordClasses: Sendable {
    /// A word class; the raw value is its bit in a mask.
    enum Class: Int, CaseIterable, Sendable {
        /// Words that open captions and credits ("Photo", "Image", "Foto", "Bild", "Légende").
        case captionLead
        /// Words of image credits: agencies, licences, stock libraries ("Getty", "CC", "courtesy", "Pixabay").
        case credit
        /// Words of bylines and author lines ("by", "von", "par", "reporter", "correspondent", "writer").
        case byline
        /// Words of source and citation notes ("Source", "via", "h/t", "Quelle", "Fuente", "doi", "journal").
        case source
        /// Words of press-release contact blocks ("contact", "media", "relations", "Pressestelle").
        case contact
        /// Social networks and share targets.
        case social
        /// Share and follow verbs ("share", "tweet", "follow", "partager", "teilen", "compartir").
        case shareFollow
        /// Calls to action and their objects ("subscribe", "donate", "newsletter", "comment", "abonnez").
        case callToAction
        /// The site addressing its reader ("you", "your", "our", "vous", "nous", "Sie", "uns").
        case person
        /// Teaser and related-link headings ("related", "more", "also", "lire", "mehr", "leer", "leia").
        case teaser
        /// Date and time words, months and weekdays in several languages.
        case date
        /// Page-interface words ("comments", "loading", "gallery", "print", "menu").
        case interface
        /// Legal and copyright words ("copyright", "rights", "reserved", "disclaimer", "vorbehalten").
        case legal
        /// Press-release markers ("embargoed", "release", "immediate", "advisory", "ends").
        case release
        /// "More information", "learn more", "visit": pointers away from the article.
        case pointer
        /// Organisation words of an "About" block ("university", "institute", "foundation", "nonprofit").
        case organisation
    }

    /// The class masks, by word.
    private let slots: [UInt64]
    /// The masks, parallel to `slots`.
    private let masks: [UInt32]
    /// `slots.count - 1`.
    private let mask: Int

    /// The vocabulary of every class.
    static let shared = FurnitureWordClasses(vocabulary: [
        .captionLead: """
        photo photos photograph photographs photography picture pictures pic image images caption credit credits \
        illustration graphic pictured screenshot video foto fotos fotografia fotografie bild bilder imagen imagem \
        immagine légende legende crédit crédito credito quelle afbeelding beeld
        """,
        .credit: """
        getty shutterstock istock istockphoto reuters afp ap epa pa alamy corbis xinhua anadolu dpa bloomberg \
        courtesy flickr pixabay unsplash wikimedia commons cc public domain handout pool file screenshot via \
        licence license licensed cropped stock photographer images photo photos afbeelding archiv archive
        """,
        .byline: """
        by von par por di door av written posted reported author authors contributor contributors reporter \
        reporters writer writers correspondent correspondents editor staff columnist bio tweets redaktion \
        rédaction redacción redazione autor auteur autore reporterin
        """,
        .source: """
        source sources via ht hat tip reference references citation citations journal doi study paper abstract \
        originally republished reprinted quelle quellen fuente fuentes fonte fontes bron source: attribution \
        research published
        """,
        .contact: """
        contact contacts media press inquiries enquiries relations phone tel telephone fax email e-mail mobile \
        spokesperson spokeswoman spokesman office newsroom kontakt pressekontakt pressestelle contacto prensa presse \
        contatto imprensa persbericht perscontact
        """,
        .social: """
        facebook twitter whatsapp linkedin pinterest reddit telegram messenger tumblr flipboard instagram youtube \
        tiktok snapchat bluesky mastodon google email e-mail sms print
        """,
        .shareFollow: """
        share shares shared sharing tweet tweets retweet follow following followers like likes partager partagez \
        suivez suivre teilen folgen folgt compartir compartelo síguenos siguenos condividi seguici partilhar \
        siga deel volg
        """,
        .callToAction: """
        subscribe subscription subscribers newsletter newsletters donate donation donations support petition sign \
        signup register join comment comments leave tell think thoughts poll vote click tap download app inbox \
        alerts abonnez abonnieren abonnement suscríbete suscribete suscripción iscriviti assine inscreva dona \
        spenden unterstützen soutenez
        """,
        .person: "you your yours we our us vous votre vos nous sie ihr ihre uns usted ustedes nosotros nuestro voi",
        .teaser: """
        related recommended more also read next previous latest popular trending top stories story coverage \
        headlines miss picks similar further watch lire aussi voir plus mehr zum thema lesen sie auch weitere \
        leer más mas también tambien leia mais também leggi anche altri meer lees ook gerelateerd
        """,
        .date: """
        published updated posted modified date am pm gmt bst utc est edt et cet ago january february march april \
        june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec \
        monday tuesday wednesday thursday friday saturday sunday janvier février fevrier mars avril mai juin \
        juillet août aout septembre octobre novembre décembre decembre januar februar märz maerz juni juli \
        oktober dezember enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre \
        diciembre gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre lundi mardi mercredi \
        jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag freitag samstag sonntag lunes martes \
        miércoles jueves viernes sábado domingo
        """,
        .interface: """
        comments comment loading load menu search close print page gallery slideshow view full screen fullscreen \
        toggle expand collapse skip scroll advertisement advertising ad ads sponsored font size text enlarge \
        reply replies login logout account home back top español english français deutsch español anzeige \
        werbung publicité publicidad pubblicità kommentare commentaires comentarios commenti
        """,
        .legal: """
        copyright rights reserved disclaimer warranty warranties liability liable permission prohibited \
        trademark trademarks terms privacy policy accuracy completeness reliability endorsement opinions \
        droits réservés reserves rechte vorbehalten derechos reservados diritti riservati direitos reservados
        """,
        .release: """
        embargoed embargo release releases immediate advisory ends end archived maintained distribution wire \
        newswire communiqué pressemitteilung comunicado
        """,
        .pointer: "information info details learn visit find out website site page online available click link",
        .organisation: """
        university universities institute institution institutions foundation nonprofit non-profit organization \
        organisation association society academy agency company corporation inc ltd llc members founded \
        headquartered mission leading largest network hospital center centre clinic college school department \
        universität université universidad università fundación fondation stiftung
        """,
    ])

    /// Builds the table from each class's space-separated words.
    init(vocabulary: [Class: String]) {
        var entries: [UInt64: UInt32] = [:]
        for (wordClass, words) in vocabulary {
            for word in words.split(separator: " ") {
                entries[BoilerplateWordHash.hash(String(word)), default: 0] |= 1 << UInt32(wordClass.rawValue)
            }
        }
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        var slots = [UInt64](repeating: 0, count: size)
        var masks = [UInt32](repeating: 0, count: size)
        let mask = size - 1
        for (hash, classes) in entries.sorted(by: { $0.key < $1.key }) {
            let value = hash == 0 ? 2 : hash
            var index = Int(truncatingIfNeeded: value >> 7) & mask
            while slots[index] != 0 && slots[index] != value { index = (index + 1) & mask }
            slots[index] = value
            masks[index] |= classes
        }
        self.slots = slots
        self.masks = masks
        self.mask = mask
    }

    /// The classes of a word hash, as a mask with bit `Class.rawValue` set for each; 0 when the word is in none.
    @inline(__always)
    func classes(of hash: UInt64) -> UInt32 {
        let value = hash == 0 ? 2 : hash
        return slots.withUnsafeBufferPointer { slots in
            var index = Int(truncatingIfNeeded: value >> 7) & mask
            while true {
                let slot = slots[index]
                if slot == value { return masks[index] }
                if slot == 0 { return 0 }
                index = (index + 1) & mask
            }
        }
    }
}
