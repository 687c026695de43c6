/// Word lists behind the shape rules of the boilerplate groups, hashed once with ``BoilerplateWordHash``.
///
/// These are general vocabularies (words that page furniture is made of), not phrases copied from any one site:
/// a rule asks, for example, whether every word of a short line is an interface word.
enum BoilerplateVocabulary {
    /// Words that page furniture is made of ("Story continues below advertisement", "Skip to main content").
    static let interfaceWords = BoilerplateWordHash.set(
        """
        advertisement advertisements advert adverts ad ads advertising sponsored sponsor promoted promotion promo paid \
        partner partners content story stories article articles continues continue continued below above reading read \
        scroll skip jump go to the a an of and or for with in on this that main navigation nav menu search close \
        closed \
        window back top print page loading load more less show hide comments comment caption captions toggle expand \
        collapse image images photo photos gallery slideshow view full screen fullscreen video videos play pause mute \
        unmute listen audio app here click tap home next previous prev return site text size font enlarge open section \
        sections you your now from our below end ends minute minutes min mins time after before report error \
        feedback rest homepage breaking news helpful yes no was is it ok okay got dismiss accept agree reject allow \
        i thanks paid post rate add subscriber subscribers only exclusive premium watch
        """
    )

    /// Interface words strong enough that a line of interface words containing one is furniture.
    static let strongInterfaceWords = BoilerplateWordHash.set(
        """
        advertisement advertisements advert adverts ad ads advertising sponsored promoted promotion skip scroll jump \
        menu navigation nav close toggle caption captions fullscreen loading print continues continued below enlarge \
        expand collapse mute unmute gallery slideshow comments listen top report sections go breaking helpful \
        homepage previous next ok okay \
        dismiss accept agree reject paid rate comment subscriber premium
        """
    )

    /// Words of teaser-block headings ("You May Also Like", "Related stories", "Most read", "Don't miss").
    static let teaserHeadingWords = BoilerplateWordHash.set(
        """
        you may might also like related stories story articles article content contents recommended recommendation \
        recommendations for more from on this topic topics read next most popular trending now top latest news \
        headlines see dont miss editors editor picks pick around the web similar further reading what to in other \
        elsewhere watch listen must links link sponsored partner partners promoted suggested people are viewed shared \
        explore discover keep our we think enjoy week todays in-depth
        """
    )

    /// Teaser heading words strong enough to make a heading of teaser words a teaser heading.
    static let strongTeaserHeadingWords = BoilerplateWordHash.set(
        """
        related recommended recommendation recommendations also more most trending popular latest next picks pick \
        similar further suggested elsewhere miss viewed shared sponsored promoted top around other
        """
    )

    /// First words of glued or bare teaser links ("Recommended itemX", "Related: X").
    static let teaserLeadWords = BoilerplateWordHash.set("recommended related trending sponsored promoted")

    /// Verbs that open calls to action.
    static let callToActionVerbs = BoilerplateWordHash.set(
        """
        subscribe sign signup follow share click tap download register join get like watch listen enter log login \
        stay never support donate become try install check find connect receive want dont tell send visit bookmark \
        discover explore unlock upgrade start claim leave rate read see sign-up opt manage accept allow enable turn
        """
    )

    /// What calls to action are about: newsletters, apps, social networks, alerts, accounts.
    static let callToActionObjects = BoilerplateWordHash.set(
        """
        newsletter newsletters subscribe subscribed subscriber subscribers subscription subscriptions inbox alerts \
        alert notifications notified briefing briefings digest app apps podcast deals offers facebook twitter \
        instagram whatsapp linkedin youtube tiktok telegram pinterest snapchat reddit cookies cookie account updates \
        premium membership unsubscribe mailing rss feed bulletin comments comment feedback conversation email emails \
        journalism donation donations contribution subscribing
        """
    )

    /// First- and second-person words of a site addressing its reader.
    static let personWords = BoilerplateWordHash.set("you your yours us our we me my")

    /// Words that call a line's text "free", "now", "here": the urgency of a call to action.
    static let urgencyWords = BoilerplateWordHash.set("here now today free instantly")

    /// Words of reported speech: a line with them is article prose even if it mentions newsletters or apps.
    static let reportingWords = BoilerplateWordHash.set(
        "said says told according added explained insisted argued claimed warned stated quoted admitted"
    )

    /// Social networks and share targets.
    static let socialWords = BoilerplateWordHash.set(
        """
        facebook twitter x whatsapp email e-mail linkedin pinterest reddit telegram messenger tumblr flipboard \
        instagram youtube tiktok snapchat threads bluesky mastodon sms print copy link mail
        """
    )

    /// Words that may join social networks on a share bar ("Share this article on").
    static let shareBarWords = BoilerplateWordHash.set(
        "share shares sharing this article story page on via with the a and or to us follow tweet post link copy"
    )

    /// Words of share and comment counters ("1.2k shares", "Comments 14").
    static let counterWords = BoilerplateWordHash.set(
        """
        share shares comment comments like likes view views reaction reactions tweet tweets retweets reads pins \
        votes responses replies k m
        """
    )

    /// First words of contact lines ("Contact the reporter at ...", "Tel: ...", "Media enquiries: ...").
    static let contactLeadWords = BoilerplateWordHash.set(
        """
        contact contacts email e-mail e mail write reach call tel telephone phone fax mobile media press inquiries \
        enquiries for questions tips tip
        """
    )

    /// Words that make a contact line about the newsroom or a press office rather than the story.
    static let contactEvidenceWords = BoilerplateWordHash.set(
        """
        reporter reporters editor editors newsroom desk tips tip correspondent media press inquiries enquiries \
        information office relations spokesperson author us
        """
    )

    /// Words of a press-release contact heading ("Media contact:", "For more information, contact").
    static let contactHeadingWords = BoilerplateWordHash.set(
        """
        media press investor investors contact contacts inquiries enquiries relations for more information further \
        details please editors editor note notes to about and
        """
    )

    /// Contact heading words strong enough to start a contact block.
    static let strongContactHeadingWords = BoilerplateWordHash.set("contact contacts inquiries enquiries")

    /// First words of image credits and captions.
    static let captionLeadWords = BoilerplateWordHash.set(
        """
        image images photo photos photograph photographs picture pictures pic pics caption credit credits \
        illustration graphic pictured photography
        """
    )

    /// Second words that make a caption lead ("Image caption", "Photo credit", "Image copyright").
    static let captionSecondWords = BoilerplateWordHash.set(
        "caption copyright credit credits source by courtesy via"
    )

    /// Photo agencies and stock libraries named in image credits.
    static let photoAgencyWords = BoilerplateWordHash.set(
        "getty shutterstock istock istockphoto reuters afp ap epa pa alamy corbis xinhua anadolu dpa bloomberg"
    )

    /// Words that say a line is about an image.
    static let photoWords = BoilerplateWordHash.set(
        "image images photo photos photograph picture pictures credit via pool file handout illustration"
    )

    /// Common verb forms; a short line with none of them is unlikely to be a sentence.
    static let verbWords = BoilerplateWordHash.set(
        """
        is are was were be been being am has have had will would can could may might must shall should do does did \
        said says say get gets got make makes made take takes took see sees saw go goes went come comes came win \
        wins won hit hits set sets cut cuts put puts sell sells sold buy buys bought give gives gave find finds \
        found lose loses lost hold holds held keep keeps kept leave leaves left run runs ran pay pays paid show \
        shows plan plans face faces seek seeks call calls warn warns back backs rise rises rose fall falls fell \
        drop drops top tops beat beats join joins quit quits end ends open opens close closes want wants need needs \
        think thinks know knows look looks like likes help helps begin begins began become becomes became \
        isnt arent wasnt dont doesnt didnt cant wont
        """
    )

    /// Words of date and time lines ("Published 12 March 2005", "Last updated: 14:32 GMT").
    static let dateWords = BoilerplateWordHash.set(
        """
        published updated posted last modified date on at am pm gmt bst utc est edt cet ago hour hours minute \
        minutes day days week weeks january february march april may june july august september october november \
        december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday \
        sunday mon tue wed thu fri sat sun first
        """
    )

    /// First words of date and time lines.
    static let dateLeadWords = BoilerplateWordHash.set("published updated posted last modified date first")

    /// Words of a reproduction notice ("Reproduction of this article without permission is prohibited").
    static let reproductionWords = BoilerplateWordHash.set(
        "reproduction reproduced republication republished redistribution redistributed copying distribution reprinted"
    )

    /// Words that make a reproduction notice a prohibition.
    static let prohibitionWords = BoilerplateWordHash.set("permission prohibited forbidden consent written express")

    /// Words of a copyright or redistribution footer.
    static let footerWords = BoilerplateWordHash.set("copyright reserved rights")
}
