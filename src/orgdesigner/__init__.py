"""OrgDesigner: design, check and compare the senior structures of public bodies."""
