import PipelineCLI
import Stages

await PipelineCLI.main(registry: .builtIn)
