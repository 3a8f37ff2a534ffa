console.log("nomidio softphone fixture");
