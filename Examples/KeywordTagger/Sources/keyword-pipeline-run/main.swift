// A custom pipeline-run: the built-in stages plus the example keyword tagger.
import KeywordTagger
import Pipeline
import PipelineCLI
import Stages

await PipelineCLI.main(registry: try StageRegistry.builtIn.registering(KeywordTaggerStage.self))
