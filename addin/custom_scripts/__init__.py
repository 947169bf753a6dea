"""Entry point xlwings Server imports for ribbon and task-pane scripts."""

from custom_scripts.cleanup import *
from custom_scripts.complaints import *
from custom_scripts.forecasting import *
from custom_scripts.machine_readable import *
from custom_scripts.privacy import *
from custom_scripts.recipes import *
