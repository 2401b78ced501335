dossierSearch.manifest({"format":1,"version":"6912b1e6650d9b65","docs":9,"kinds":{"topic":[0,2],"event":[2,2],"source":[2,4],"paragraph":[4,9]},"impactLevels":15,"termShards":["1"],"docShards":[0]});
